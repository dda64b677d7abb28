// Security: change the master password, lock now, erase the vault.
import { t } from "../src/i18n";
import { ChangePassword } from "./change-password";
import { ResetVault } from "./reset-vault";
import type { VaultActions } from "./types";

export function SecuritySection(props: { actions: VaultActions; userInputs: string[] }) {
  return (
    <section id="security" aria-labelledby="security-title">
      <h2 id="security-title">{t("securityTitle")}</h2>
      <ChangePassword actions={props.actions} userInputs={props.userInputs} />
      <div class="subsection">
        <h3>{t("lockNowTitle")}</h3>
        <p class="hint">{t("lockNowExplain")}</p>
        <button type="button" onClick={() => void props.actions.lock()}>
          {t("lockNow")}
        </button>
      </div>
      <div class="subsection">
        <ResetVault reset={props.actions.reset} />
      </div>
    </section>
  );
}
