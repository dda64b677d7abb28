// The page set its login window to another workspace than the usual account's (a read-only
// workspace it filled itself, src/background/locked-workspace.ts): nothing was filled. The
// user decides here: one click logs in with a saved account for that workspace.
import { useState } from "preact/hooks";
import type { EntrySummary, Failure, WorkspaceNotice as Notice } from "../src/protocol";
import { t } from "../src/i18n";
import { displayName } from "../src/entries/order";
import { ErrorMessage, LiveRegion } from "../src/ui/error-message";
import type { PopupActions } from "./types";

export function WorkspaceNotice(props: {
  notice: Notice;
  entries: EntrySummary[];
  login: PopupActions["login"];
}) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const matching = props.entries.filter((e) => props.notice.entryIds.includes(e.id));
  const first = matching[0];
  if (!first) return null;
  const login = async (id: string) => {
    setFailure(null);
    const r = await props.login(id, { newTab: false });
    if (!r.ok) setFailure(r);
  };
  return (
    <section class="banner" aria-labelledby="workspace-notice-text">
      <p id="workspace-notice-text">{t("workspaceNoticeText", first.workspace)}</p>
      <div class="actions">
        {matching.map((entry) => (
          <button key={entry.id} type="button" class="primary" onClick={() => void login(entry.id)}>
            {t("loginWith", displayName(entry))}
          </button>
        ))}
      </div>
      <LiveRegion>
        <ErrorMessage failure={failure} />
      </LiveRegion>
    </section>
  );
}
