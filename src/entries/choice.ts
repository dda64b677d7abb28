// Which saved entry a login window gets. Pure: the worker passes the entries and what the
// browser said about the page load (src/navigation.ts), and fills what this decides.
import { sortEntries } from "./order";
import { workspaceKey, type EntrySummary } from "./rules";

/**
 * The single entry to fill when exactly one is the obvious choice: the only candidate, else the
 * most recently used. Several never-used candidates are a guess, so none is picked (the popup
 * lets the user choose).
 */
function obviousChoice<T extends EntrySummary>(candidates: readonly T[]): T | undefined {
  if (candidates.length === 1) return candidates[0];
  // A fixed locale: it only breaks ties between equal timestamps, which must not vary by machine.
  const [first] = sortEntries(candidates, "lastUsed", { locale: "en" });
  return first?.lastUsedAt === null ? undefined : first;
}

/**
 * Which entry the login window of a page should get, from the vendor fragment's hints
 * (src/hash-url.ts). A fragment that names a workspace or identifier is an explicit request:
 * when no saved entry matches it, nothing is filled rather than someone else's account.
 */
export function pickEntryForPage<T extends EntrySummary>(
  entries: readonly T[],
  hint: { workspace?: string; identifier?: string },
): T | undefined {
  const workspace = hint.workspace?.trim();
  const identifier = hint.identifier?.trim();
  const candidates = entries.filter(
    (e) =>
      (!workspace || workspaceKey(e.workspace) === workspaceKey(workspace)) &&
      (!identifier || e.identifier.trim() === identifier),
  );
  return obviousChoice(candidates);
}

/**
 * The entry a page load gets, given how the address was reached (src/navigation.ts). A hint the
 * user's own navigation carried picks among the saved accounts (pickEntryForPage). A hint the
 * page may have written picks nothing: the default entry (only or most recent) is filled when
 * the hint agrees with it or names no saved account; when it names another saved account, the
 * page would be choosing which password it gets, so nothing is filled and the user is asked.
 */
export function pickEntryForLoad<T extends EntrySummary>(
  entries: readonly T[],
  hint: { workspace?: string; identifier?: string; trusted: boolean },
): { entry: T } | { entry?: undefined; ask: boolean } {
  const named = hint.workspace?.trim() || hint.identifier?.trim();
  if (hint.trusted || !named) {
    const entry = pickEntryForPage(entries, hint);
    return entry ? { entry } : { ask: false };
  }
  const fallback = pickEntryForPage(entries, {});
  const matching = entries.filter((e) => pickEntryForPage([e], hint) === e);
  if (fallback && (matching.length === 0 || matching.includes(fallback)))
    return { entry: fallback };
  return { ask: matching.length > 0 };
}
