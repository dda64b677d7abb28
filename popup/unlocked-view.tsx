// The unlocked popup: pending save prompt, the one-click list, quick add.
import { useEffect, useRef, useState } from "preact/hooks";
import type { EntryInput } from "../src/protocol";
import { t } from "../src/i18n";
import { displayName } from "../src/entries/order";
import { ErrorMessage, LiveRegion, OkMessage } from "../src/ui/error-message";
import type { Failure } from "../src/protocol";
import { EntryList } from "./entry-list";
import { PendingBanner } from "./pending-banner";
import { WorkspaceNotice } from "./workspace-notice";
import { TeachButton } from "./teach-button";
import { ReportButton } from "./report-button";
import { QuickAdd, type QuickAddRequest } from "./quick-add";
import type { PopupProps } from "./types";

export function UnlockedView({ data, actions }: PopupProps) {
  const [adding, setAdding] = useState<QuickAddRequest | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  const status = data.status;

  // Back from the form: focus returns where the user left, not to the top of the popup.
  useEffect(() => {
    if (wasAdding.current && !adding) addButton.current?.focus();
    wasAdding.current = adding !== null;
  }, [adding]);

  const openAdd = () => {
    setSaved(null);
    setFailure(null);
    const hint = status?.hint;
    setAdding({
      initial: { workspace: hint?.workspace ?? "", identifier: hint?.identifier ?? "" },
      fromPending: false,
    });
  };

  const openPending = async () => {
    setSaved(null);
    setFailure(null);
    const r = await actions.loadPendingSave();
    if (!r.ok) return setFailure(r);
    setAdding({ initial: r.value, id: status?.pendingSave?.existingId, fromPending: true });
  };

  const save = async (input: EntryInput) => {
    const request = adding;
    const r = await actions.saveEntry({ id: request?.id, input });
    if (r.ok) {
      if (request?.fromPending) await actions.dismissPendingSave();
      setAdding(null);
      setSaved(t("savedEntry", displayName(input)));
    }
    return r;
  };

  if (adding) {
    return <QuickAdd request={adding} onSave={save} onCancel={() => setAdding(null)} />;
  }
  const notice = status?.tab?.notice;
  return (
    <>
      {notice?.kind === "workspace" && (
        <WorkspaceNotice notice={notice} entries={data.entries} login={actions.login} />
      )}
      {status?.pendingSave && (
        <PendingBanner
          pending={status.pendingSave}
          onSave={() => void openPending()}
          onDismiss={() => void actions.dismissPendingSave()}
        />
      )}
      <LiveRegion>
        <OkMessage text={saved} />
        <ErrorMessage failure={failure ?? data.listError} />
      </LiveRegion>
      {data.entries.length > 0 ? (
        <EntryList entries={data.entries} login={actions.login} />
      ) : (
        !data.listError && <p class="empty">{t("noEntries")}</p>
      )}
      <div class="actions">
        <button type="button" ref={addButton} onClick={openAdd}>
          {t("addWorkspace")}
        </button>
        {status?.tab && <TeachButton tabId={status.tab.tabId} teach={actions.teach} />}
        {status?.tab && <ReportButton tabId={status.tab.tabId} report={actions.report} />}
      </div>
    </>
  );
}
