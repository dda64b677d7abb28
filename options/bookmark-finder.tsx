// Rescue from bookmarks, part 2: find the bookmarks that hold an IamOffice password, import them,
// then — only when the user says so, per bookmark — remove the password or delete the bookmark.
// Both changes destroy the bookmark's copy of the password, so they are offered only while the
// vault, read back after the save, holds everything the change would remove (checked again at the
// click). An ambiguous address (`password=Tr0ub&dor=4x`) imports only the candidate the user
// picks, and its bookmark is changed only if the vault holds its full text.
import { useState } from "preact/hooks";
import { t } from "../src/i18n";
import { LiveRegion, OkMessage } from "../src/ui/error-message";
import { failureText } from "../src/ui/failure";
import { BookmarkRow, type RowStatus } from "./bookmark-row";
import type { BookmarkHit, EntryActions, RescueActions } from "./types";

/** Everything after `password=` up to the next part read: what stripping the bookmark removes. */
function fullText(hit: BookmarkHit): string {
  return hit.password ?? hit.candidates.at(-1) ?? "";
}

export function BookmarkFinder(props: {
  actions: Pick<RescueActions, "findBookmarks" | "stripBookmark" | "deleteBookmark" | "vaultHolds">;
  save: EntryActions["save"];
}) {
  const [hits, setHits] = useState<BookmarkHit[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [picks, setPicks] = useState<Record<string, string>>({});
  const [secured, setSecured] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<Record<string, RowStatus>>({});
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const mark = (id: string, s: RowStatus) =>
    setStatus((all) => ({ ...all, [id]: { ...all[id], ...s } }));
  const select = (id: string, on: boolean) =>
    setSelected((all) => {
      const next = new Set(all);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /** Asks the vault (never the save's answer) and records the verdict for the row. */
  const check = async (hit: BookmarkHit): Promise<boolean> => {
    const full = fullText(hit);
    const held =
      !!hit.workspace &&
      !!hit.identifier &&
      full !== "" &&
      (await props.actions.vaultHolds({
        workspace: hit.workspace,
        identifier: hit.identifier,
        password: full,
      }));
    setSecured((all) => {
      const next = new Set(all);
      if (held) next.add(hit.id);
      else next.delete(hit.id);
      return next;
    });
    return held;
  };

  const find = () => {
    // No await before this call: the permission prompt needs the click's user gesture.
    const search = props.actions.findBookmarks();
    setProblem(null);
    void search.then(async (r) => {
      if (!r.ok) {
        setHits(null);
        return setProblem(r.reason === "denied" ? t("bookmarksDenied") : t("bookmarksUnavailable"));
      }
      setHits(r.hits);
      // An ambiguous bookmark waits for the user's pick before it can be selected.
      setSelected(
        new Set(r.hits.filter((h) => h.workspace && h.identifier && h.password).map((h) => h.id)),
      );
      setPicks({});
      setSecured(new Set());
      setStatus({});
      // Some may already be in the vault (an earlier rescue): those can be cleaned at once.
      for (const hit of r.hits) await check(hit);
    });
  };

  const importSelected = async () => {
    if (!hits) return;
    setBusy(true);
    for (const hit of hits) {
      const password = hit.password ?? picks[hit.id];
      if (!selected.has(hit.id) || !hit.workspace || !hit.identifier || !password) continue;
      const r = await props.save({
        input: {
          name: hit.title.trim(),
          workspace: hit.workspace,
          identifier: hit.identifier,
          password,
        },
      });
      mark(hit.id, { imported: { ok: r.ok, text: r.ok ? t("rescueSaved") : failureText(r) } });
      if (r.ok) select(hit.id, false);
      // After any outcome: a refused duplicate may hold the same password, or another one.
      await check(hit);
    }
    setBusy(false);
  };

  /** The change runs only if the vault still holds the password now, at the click. */
  const change = async (hit: BookmarkHit, to: "stripped" | "deleted") => {
    setConfirmDelete(null);
    if (!(await check(hit))) return mark(hit.id, { bookmark: "notInVault" });
    const run = to === "stripped" ? props.actions.stripBookmark : props.actions.deleteBookmark;
    mark(hit.id, { bookmark: (await run(hit)) ? to : "failed" });
  };

  return (
    <div class="subsection">
      <h3>{t("bookmarksTitle")}</h3>
      <p class="hint">{t("bookmarksExplain")}</p>
      <div class="actions">
        <button type="button" onClick={find}>
          {t("bookmarksFind")}
        </button>
      </div>
      <LiveRegion>
        {problem && <p class="msg msg-error">{problem}</p>}
        <OkMessage text={hits ? t("bookmarksFound", hits.length) : null} />
      </LiveRegion>
      {hits && hits.length > 0 && (
        <ul class="bookmarks">
          {hits.map((hit) => (
            <BookmarkRow
              key={hit.id}
              hit={hit}
              status={status[hit.id] ?? {}}
              selected={selected.has(hit.id)}
              pick={picks[hit.id]}
              secured={secured.has(hit.id)}
              confirmingDelete={confirmDelete === hit.id}
              onSelect={(on) => select(hit.id, on)}
              onPick={(candidate) => {
                setPicks((all) => ({ ...all, [hit.id]: candidate }));
                select(hit.id, true);
              }}
              onStrip={() => void change(hit, "stripped")}
              onAskDelete={() => setConfirmDelete(hit.id)}
              onDelete={() => void change(hit, "deleted")}
              onCancelDelete={() => setConfirmDelete(null)}
            />
          ))}
        </ul>
      )}
      {hits && hits.length > 0 && (
        <div class="actions">
          <button
            type="button"
            class="primary"
            disabled={busy || selected.size === 0}
            onClick={() => void importSelected()}
          >
            {t("bookmarksImportSelected", selected.size)}
          </button>
        </div>
      )}
    </div>
  );
}
