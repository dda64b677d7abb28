// Security: change the master password, passkey unlock, lock now, erase the vault.
import { useState } from "preact/hooks";
import { t } from "../src/i18n";
import { ChangePassword } from "./change-password";
import { PasskeySection } from "./passkey-section";
import { ResetVault } from "./reset-vault";
import type { PasskeyActions, VaultActions } from "./types";

export function SecuritySection(props: {
  actions: VaultActions;
  passkeys: PasskeyActions;
  userInputs: string[];
}) {
  // A change of master password removes every passkey (new vault key): the list reloads.
  const [generation, setGeneration] = useState(0);
  const actions: VaultActions = {
    ...props.actions,
    async changePassword(request) {
      const r = await props.actions.changePassword(request);
      if (r.ok) setGeneration((g) => g + 1);
      return r;
    },
  };
  return (
    <section id="security" aria-labelledby="security-title">
      <h2 id="security-title">{t("securityTitle")}</h2>
      <ChangePassword actions={actions} userInputs={props.userInputs} />
      <PasskeySection actions={props.passkeys} generation={generation} />
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
