// The saved workspaces as buttons: one click (or Enter) logs in. With many entries a filter box
// appears; Enter in it logs into the first match, arrow keys walk the list.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { EntrySummary, Failure } from "../src/protocol";
import { t } from "../src/i18n";
import { displayName, matches, sortEntries } from "../src/entries/order";
import { ErrorMessage, LiveRegion } from "../src/ui/error-message";
import { failureText } from "../src/ui/failure";
import type { PopupActions } from "./types";

/** Up to this many entries fit without scrolling: no filter needed. */
export const FILTER_THRESHOLD = 5;

export function EntryList(props: { entries: EntrySummary[]; login: PopupActions["login"] }) {
  const [query, setQuery] = useState("");
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: string; failure: Failure } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const showFilter = props.entries.length > FILTER_THRESHOLD;
  const visible = useMemo(
    () => sortEntries(props.entries, "lastUsed").filter((e) => !showFilter || matches(e, query)),
    [props.entries, query, showFilter],
  );

  // The list replaces the unlock form (or opens the popup): without this the focus would fall
  // to <body> and a keyboard user would have to Tab through the header first. The filter when
  // there is one (type at once), else the most recent entry (Enter logs in). On mount only; the
  // filter input is rendered exactly when there is a filter.
  useEffect(() => {
    const filter = filterRef.current;
    if (filter) filter.focus();
    else listRef.current?.querySelector<HTMLElement>("button.entry")?.focus();
  }, []);

  const login = async (id: string, newTab = false) => {
    if (busyId) return;
    setBusyId(id);
    setFailure(null);
    const r = await props.login(id, { newTab });
    setBusyId(null);
    if (!r.ok) setFailure({ id, failure: r });
  };

  const buttons = () => [...(listRef.current?.querySelectorAll<HTMLElement>("button.entry") ?? [])];
  const move = (from: number, delta: number) => {
    const all = buttons();
    const next = from + delta;
    if (next < 0) filterRef.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };
  const onListKey = (event: KeyboardEvent) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const index = buttons().indexOf(event.target as HTMLElement);
    if (index < 0) return;
    event.preventDefault();
    move(index, event.key === "ArrowDown" ? 1 : -1);
  };
  const onFilterKey = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      const first = visible[0];
      if (first) void login(first.id);
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      buttons()[0]?.focus();
    }
  };

  const failed = failure && props.entries.find((e) => e.id === failure.id);
  return (
    <div class="entries">
      {showFilter && (
        <div class="field filter">
          <label for="filter" class="visually-hidden">
            {t("filterLabel")}
          </label>
          <input
            id="filter"
            ref={filterRef}
            type="search"
            value={query}
            placeholder={t("filterPlaceholder")}
            autoComplete="off"
            spellcheck={false}
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={onFilterKey}
          />
        </div>
      )}
      <ul class="entry-list" ref={listRef} aria-label={t("savedWorkspaces")} onKeyDown={onListKey}>
        {visible.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              class="entry"
              aria-busy={busyId === entry.id ? "true" : undefined}
              disabled={busyId !== null && busyId !== entry.id}
              onClick={() => void login(entry.id)}
            >
              <span class="entry-name">{displayName(entry)}</span>{" "}
              <span class="entry-meta">
                {entry.workspace} · {entry.identifier}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {showFilter && visible.length === 0 && <p class="empty">{t("filterNoMatch")}</p>}
      <LiveRegion>
        {busyId && <p class="msg">{t("loggingIn")}</p>}
        {failure && failed && (
          <div class="login-failure">
            <ErrorMessage
              failure={failure.failure}
              text={`${displayName(failed)} — ${failureText(failure.failure)}`}
            />
            {failure.failure.error === "login_logout_failed" && (
              <button type="button" onClick={() => void login(failure.id, true)}>
                {t("openInNewTab")}
              </button>
            )}
          </div>
        )}
      </LiveRegion>
    </div>
  );
}
