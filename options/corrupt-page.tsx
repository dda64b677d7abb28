// Stored data that does not fit the schema: never wiped behind the user's back. They can take
// the raw encrypted data away (for support or a later version) and, only if they type the
// word, start over.
import { useState } from "preact/hooks";
import type { Failure } from "../src/protocol";
import { t } from "../src/i18n";
import { ErrorMessage, LiveRegion, OkMessage } from "../src/ui/error-message";
import { ResetVault } from "./reset-vault";
import type { VaultActions } from "./types";

export function CorruptPage(props: { actions: Pick<VaultActions, "downloadRaw" | "reset"> }) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState(false);
  const download = async () => {
    const r = await props.actions.downloadRaw();
    setFailure(r.ok ? null : r);
    setDone(r.ok);
  };
  return (
    <section class="card" aria-labelledby="corrupt-page-title">
      <h2 id="corrupt-page-title">{t("corruptTitle")}</h2>
      <p>{t("corruptOptionsBody")}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void download()}>
          {t("downloadRaw")}
        </button>
      </div>
      <LiveRegion>
        <OkMessage text={done ? t("downloadRawDone") : null} />
        <ErrorMessage failure={failure} />
      </LiveRegion>
      <ResetVault reset={props.actions.reset} />
    </section>
  );
}
