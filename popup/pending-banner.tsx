// "Save the login you just used?" — offered after the user typed credentials into IamOffice by
// hand. Nothing is saved until they say so; "Not now" forgets the prompt.
import type { PendingSave } from "../src/protocol";
import { t } from "../src/i18n";

export function PendingBanner(props: {
  pending: PendingSave;
  onSave: () => void;
  onDismiss: () => void;
}) {
  const { workspace, identifier, existingId } = props.pending;
  return (
    <section class="banner" aria-labelledby="pending-text">
      <p id="pending-text">
        {existingId
          ? t("pendingUpdatePrompt", workspace, identifier)
          : t("pendingSavePrompt", workspace, identifier)}
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={props.onSave}>
          {existingId ? t("update") : t("save")}
        </button>
        <button type="button" onClick={props.onDismiss}>
          {t("notNow")}
        </button>
      </div>
    </section>
  );
}
