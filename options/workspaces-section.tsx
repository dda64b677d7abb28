// Workspaces: the table, the add/edit form, and delete with confirmation then ~8 s of Undo.
// Undo re-creates the entry from its full input, fetched (with the password) before deleting.
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { EntryInput, EntrySummary, Failure } from "../src/protocol";
import { t } from "../src/i18n";
import { displayName, sortEntries } from "../src/entries/order";
import { EntryForm } from "../src/ui/entry-form";
import { ErrorMessage, LiveRegion, OkMessage } from "../src/ui/error-message";
import { focusInView } from "./sticky-bar";
import { WorkspaceTable } from "./workspace-table";
import type { EntryActions } from "./types";

export const UNDO_MS = 8_000;

/** `revision`: the vault revision when the form opened, so edits made elsewhere are noticed. */
type Editing = { id?: string; initial: Partial<EntryInput>; name?: string; revision: number };
/** Where the focus goes once the form or confirmation that had it is gone: a row's button, or Add. */
type Refocus = { id: string; action: "edit" | "delete" } | "add";

export function WorkspacesSection(props: {
  data: { entries: EntrySummary[]; listError: Failure | null };
  actions: EntryActions;
  /** Bumped by "Add your first workspace" to open the form from outside. */
  addRequest?: number;
}) {
  const { actions } = props;
  const [sort, setSort] = useState<"name" | "recent">("name");
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [undo, setUndo] = useState<{ input: EntryInput; name: string } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const section = useRef<HTMLElement>(null);
  const [refocus, setRefocus] = useState<Refocus | null>(null);

  // Closing a form or a confirmation puts focus back on the row button that opened it, or on
  // Add workspace, and shows it: the page got shorter, and what stayed scrolled could now sit
  // under the sticky section bar. Before paint, on the final layout, so nothing jumps twice.
  useLayoutEffect(() => {
    if (!refocus) return;
    setRefocus(null);
    if (refocus === "add") {
      focusInView(addButton.current, section.current, "start");
    } else {
      const row = section.current?.querySelector(`tr[data-entry-id="${CSS.escape(refocus.id)}"]`);
      focusInView(row?.querySelector<HTMLElement>(`button[data-action="${refocus.action}"]`), row);
    }
  }, [refocus]);

  // A new addRequest (only) opens the form, with this render's openAdd.
  const latestOpenAdd = useRef(openAdd);
  useEffect(() => {
    latestOpenAdd.current = openAdd;
  });
  useEffect(() => {
    if (props.addRequest) latestOpenAdd.current();
  }, [props.addRequest]);

  // The Undo offer expires: after that the deletion is final.
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  const say = (text: string | null, f: Failure | null = null) => {
    setMessage(text);
    setFailure(f);
  };

  function openAdd() {
    say(null);
    setEditing({ initial: {}, revision: actions.revision() });
  }

  const openEdit = async (entry: EntrySummary) => {
    say(null);
    const r = await actions.get(entry.id);
    if (!r.ok) return say(null, r);
    const { name, workspace, identifier, password } = r.value;
    setEditing({
      revision: actions.revision(),
      id: entry.id,
      name: displayName(entry),
      initial: { name, workspace, identifier, password },
    });
  };

  const save = async (input: EntryInput) => {
    const id = editing?.id;
    const r = await actions.save({ id, input, ...(editing ? { revision: editing.revision } : {}) });
    if (!r.ok && r.error === "stale_revision") {
      // The user has been told and sees the updated list. The form now stands on the stored
      // entry as it is (untouched fields follow it, edited ones keep the user's text), so
      // saving again cannot undo what the other window saved.
      const current = id ? await actions.get(id) : null;
      setEditing(
        (e) =>
          e && {
            ...e,
            revision: actions.revision(),
            ...(current?.ok ? { initial: current.value } : {}),
          },
      );
    }
    if (r.ok) {
      setEditing(null);
      say(t("savedEntry", displayName(input)));
      setRefocus(id ? { id, action: "edit" } : "add");
    }
    return r;
  };

  const remove = async (entry: EntrySummary) => {
    setBusy(true);
    // The password is needed to undo; without it we would not be able to keep the promise.
    const full = await actions.get(entry.id);
    const r = full.ok ? await actions.remove(entry.id) : full;
    setBusy(false);
    setConfirming(null);
    if (!r.ok || !full.ok) return say(null, r.ok ? null : r);
    const { name, workspace, identifier, password } = full.value;
    setUndo({ input: { name, workspace, identifier, password }, name: displayName(entry) });
    say(null);
    setRefocus("add");
  };

  const restore = async () => {
    if (!undo) return;
    const { input, name } = undo;
    setUndo(null);
    const r = await actions.save({ input });
    say(r.ok ? t("restoredEntry", name) : null, r.ok ? null : r);
    // The Undo button that had the focus is gone.
    setRefocus("add");
  };

  const sorted = sortEntries(props.data.entries, sort === "name" ? "name" : "lastUsed");
  return (
    <section id="workspaces" ref={section} aria-labelledby="workspaces-title">
      <h2 id="workspaces-title">{t("workspacesTitle")}</h2>
      <div class="toolbar">
        <button type="button" class="primary" ref={addButton} onClick={openAdd}>
          {t("addWorkspace")}
        </button>
        {sorted.length > 1 && (
          <div class="inline-field">
            <label for="sort">{t("sortBy")}</label>
            <select
              id="sort"
              value={sort}
              onChange={(e) => setSort(e.currentTarget.value === "recent" ? "recent" : "name")}
            >
              <option value="name">{t("sortByName")}</option>
              <option value="recent">{t("sortByLastUse")}</option>
            </select>
          </div>
        )}
      </div>
      {editing && (
        <div class="panel">
          <h3>{editing.id ? t("editNamedTitle", editing.name ?? "") : t("addWorkspace")}</h3>
          <EntryForm
            key={editing.id ?? "new"}
            label={editing.id ? t("editWorkspace") : t("addWorkspace")}
            initial={editing.initial}
            focus={editing.id ? "name" : "workspace"}
            onSave={save}
            onCancel={() => {
              const id = editing.id;
              setEditing(null);
              setRefocus(id ? { id, action: "edit" } : "add");
            }}
            onCopy={actions.copy}
          />
        </div>
      )}
      <LiveRegion>
        <OkMessage text={message} />
        <ErrorMessage failure={failure ?? props.data.listError} />
        {undo && (
          <p class="msg undo">
            {t("deletedEntry", undo.name)}{" "}
            <button type="button" onClick={() => void restore()}>
              {t("undo")}
            </button>
          </p>
        )}
      </LiveRegion>
      {sorted.length ? (
        <WorkspaceTable
          entries={sorted}
          confirming={confirming}
          busy={busy}
          onEdit={(e) => void openEdit(e)}
          onDelete={(e) => {
            say(null);
            setConfirming(e.id);
          }}
          onConfirmDelete={(e) => void remove(e)}
          onCancelDelete={() => {
            if (confirming) setRefocus({ id: confirming, action: "delete" });
            setConfirming(null);
          }}
        />
      ) : (
        <p class="empty">{t("noEntries")}</p>
      )}
    </section>
  );
}
