// The popup shell: same frame in every state (no jump when status arrives), body by vault state.
import { t } from "../src/i18n";
import { ErrorMessage } from "../src/ui/error-message";
import { UnlockForm } from "../src/ui/unlock-form";
import { canUnlockWithPasskey } from "../src/ui/passkey-unlock";
import { StatusLine } from "./status-line";
import { UnlockedView } from "./unlocked-view";
import { CorruptNotice, NoVault } from "./vault-notice";
import type { PopupProps } from "./types";

export function Popup({ data, actions }: PopupProps) {
  const status = data.status;
  const state = status?.vault.state;
  const passkeys = status?.vault.passkeys ?? [];
  const openOptions = (event?: Event) => {
    event?.preventDefault();
    actions.openOptions();
  };
  return (
    <div class="popup" aria-busy={status ? undefined : "true"}>
      <header class="bar">
        <h1>{t("extName")}</h1>
        {state === "unlocked" && (
          <button type="button" class="quiet" onClick={() => void actions.lock()}>
            {t("lock")}
          </button>
        )}
      </header>
      <StatusLine tab={status?.tab ?? null} />
      <main class="body">
        {data.loadError && <ErrorMessage failure={data.loadError} />}
        {state === "none" && <NoVault openOptions={openOptions} />}
        {state === "corrupt" && <CorruptNotice openOptions={openOptions} />}
        {state === "locked" && (
          <UnlockForm
            onUnlock={actions.unlock}
            retryAfterMs={status?.vault.retryAfterMs ?? 0}
            onPasskey={
              canUnlockWithPasskey(passkeys) ? () => actions.unlockWithPasskey(passkeys) : undefined
            }
          />
        )}
        {state === "unlocked" && <UnlockedView data={data} actions={actions} />}
      </main>
      <footer class="foot">
        <a href="../options/index.html" onClick={openOptions}>
          {t("options")}
        </a>
      </footer>
    </div>
  );
}
