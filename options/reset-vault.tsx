// Erasing the vault needs the localized word typed (RESET / EFFACER); the background checks the
// same word, so a click alone can never wipe anything.
import { useState } from "preact/hooks";
import type { Failure } from "../src/protocol";
import { fireAndForget } from "../src/fire-and-forget";
import { t } from "../src/i18n";
import { ErrorMessage, LiveRegion } from "../src/ui/error-message";
import { TextField } from "../src/ui/text-field";
import type { Outcome } from "../src/ui/entry-form";

export function ResetVault(props: { reset: (confirmation: string) => Promise<Outcome> }) {
  const word = t("resetConfirmWord");
  const [typed, setTyped] = useState("");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const matches = typed.trim() === word;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!matches || busy) return;
    setBusy(true);
    const r = await props.reset(typed.trim());
    setBusy(false);
    setFailure(r.ok ? null : r);
  };

  return (
    <form class="reset" onSubmit={fireAndForget(submit)} noValidate aria-labelledby="reset-title">
      <h3 id="reset-title">{t("resetTitle")}</h3>
      <p>{t("resetExplain")}</p>
      <TextField label={t("resetTypeWord", word)} value={typed} onValue={setTyped} />
      <LiveRegion>
        <ErrorMessage failure={failure} />
      </LiveRegion>
      <div class="actions">
        <button type="submit" class="danger" disabled={!matches || busy}>
          {t("resetButton")}
        </button>
      </div>
    </form>
  );
}
