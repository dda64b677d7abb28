// Rescue from bookmarks, part 2: find the bookmarks that hold an IamOffice password, import them,
// then — only when the user says so, per bookmark — remove the password or delete the bookmark.
import { useState } from "preact/hooks";
import { t } from "../src/i18n";
import { ConfirmBox } from "../src/ui/confirm-box";
import { LiveRegion, OkMessage } from "../src/ui/error-message";
import { failureText } from "../src/ui/failure";
import type { BookmarkHit, EntryActions, RescueActions } from "./types";

type Status = {
  imported?: { ok: boolean; text: string };
  bookmark?: "stripped" | "deleted" | "failed";
};

const bookmarkText = {
  stripped: "bookmarkStripped",
  deleted: "bookmarkDeleted",
  failed: "bookmarkChangeFailed",
} as const;

export function BookmarkFinder(props: {
  actions: Pick<RescueActions, "findBookmarks" | "stripBookmark" | "deleteBookmark">;
  save: EntryActions["save"];
}) {
  const [hits, setHits] = useState<BookmarkHit[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<Record<string, Status>>({});
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const mark = (id: string, s: Status) =>
    setStatus((all) => ({ ...all, [id]: { ...all[id], ...s } }));

  const find = () => {
    // No await before this call: the permission prompt needs the click's user gesture.
    const search = props.actions.findBookmarks();
    setProblem(null);
    void search.then((r) => {
      if (!r.ok) {
        setHits(null);
        return setProblem(r.reason === "denied" ? t("bookmarksDenied") : t("bookmarksUnavailable"));
      }
      setHits(r.hits);
      setSelected(new Set(r.hits.filter((h) => h.workspace && h.identifier).map((h) => h.id)));
      setStatus({});
    });
  };

  const importSelected = async () => {
    if (!hits) return;
    setBusy(true);
    for (const hit of hits) {
      if (!selected.has(hit.id) || !hit.workspace || !hit.identifier) continue;
      const r = await props.save({
        input: {
          name: hit.title.trim(),
          workspace: hit.workspace,
          identifier: hit.identifier,
          password: hit.password,
        },
      });
      mark(hit.id, { imported: { ok: r.ok, text: r.ok ? t("rescueSaved") : failureText(r) } });
      if (r.ok) setSelected((s) => new Set([...s].filter((id) => id !== hit.id)));
    }
    setBusy(false);
  };

  const strip = async (hit: BookmarkHit) => {
    const ok = await props.actions.stripBookmark(hit);
    mark(hit.id, { bookmark: ok ? "stripped" : "failed" });
  };

  const remove = async (hit: BookmarkHit) => {
    setConfirmDelete(null);
    const ok = await props.actions.deleteBookmark(hit);
    mark(hit.id, { bookmark: ok ? "deleted" : "failed" });
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
          {hits.map((hit) => {
            const s = status[hit.id] ?? {};
            // Once stripped or deleted, the bookmark no longer holds a password: nothing to offer.
            const settled = s.bookmark === "stripped" || s.bookmark === "deleted";
            const importable = !!hit.workspace && !!hit.identifier && !s.imported?.ok;
            return (
              <li key={hit.id} class="bookmark">
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={selected.has(hit.id)}
                    disabled={!importable}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setSelected((all) => {
                        const next = new Set(all);
                        if (on) next.add(hit.id);
                        else next.delete(hit.id);
                        return next;
                      });
                    }}
                  />
                  <span>
                    <strong>{hit.title || hit.safeUrl}</strong>{" "}
                    <span class="hint">
                      {hit.workspace ?? "?"} · {hit.identifier ?? t("rescueNoIdentifier")}
                    </span>
                  </span>
                </label>
                {s.imported && (
                  <p class={s.imported.ok ? "msg msg-ok" : "msg msg-error"}>{s.imported.text}</p>
                )}
                {s.bookmark && (
                  <p class={s.bookmark === "failed" ? "msg msg-error" : "msg msg-ok"}>
                    {t(bookmarkText[s.bookmark])}
                  </p>
                )}
                {!settled &&
                  (confirmDelete === hit.id ? (
                    <ConfirmBox
                      question={t("bookmarkDeleteConfirm", hit.title || hit.safeUrl)}
                      confirmLabel={t("bookmarkDelete")}
                      onConfirm={() => void remove(hit)}
                      onCancel={() => setConfirmDelete(null)}
                    />
                  ) : (
                    <div class="actions">
                      <button type="button" onClick={() => void strip(hit)}>
                        {t("bookmarkStrip")}
                      </button>
                      <button type="button" onClick={() => setConfirmDelete(hit.id)}>
                        {t("bookmarkDelete")}
                      </button>
                    </div>
                  ))}
              </li>
            );
          })}
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
