// The popup states without a usable vault: none yet, or stored data that cannot be read.
import { t } from "../src/i18n";

export function NoVault(props: { openOptions: () => void }) {
  return (
    <section class="notice" aria-labelledby="novault-title">
      <h2 id="novault-title">{t("noVaultTitle")}</h2>
      <p>{t("noVaultBody")}</p>
      <button type="button" class="primary" onClick={props.openOptions}>
        {t("createVaultInOptions")}
      </button>
    </section>
  );
}

export function CorruptNotice(props: { openOptions: () => void }) {
  return (
    <section class="notice" aria-labelledby="corrupt-title">
      <h2 id="corrupt-title">{t("corruptTitle")}</h2>
      <p class="msg msg-error">{t("corruptPopupBody")}</p>
      <button type="button" onClick={props.openOptions}>
        {t("openOptions")}
      </button>
    </section>
  );
}
