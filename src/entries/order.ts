// How an entry is called, ordered and searched: the popup's list, the options page's table and
// the worker's choice of a default entry use these same rules. Pure.
import type { EntrySummary } from "./rules";

export function displayName(e: Pick<EntrySummary, "name" | "workspace">): string {
  return e.name.trim() || e.workspace;
}

export type SortOrder = "name" | "lastUsed";

/** The orders the lists offer; `locale` defaults to the runtime's (the UI language). */
export function sortEntries<T extends EntrySummary>(
  entries: readonly T[],
  by: SortOrder,
  options: { locale?: string } = {},
): T[] {
  // `base`: "Émile" sorts with "emile"; `numeric`: "Client 2" before "Client 10".
  const collator = new Intl.Collator(options.locale, { sensitivity: "base", numeric: true });
  const byName = (a: T, b: T) =>
    collator.compare(displayName(a), displayName(b)) ||
    collator.compare(a.workspace, b.workspace) ||
    collator.compare(a.identifier, b.identifier) ||
    // Last resort so the order never depends on the input order (stable lists across renders).
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // Most recently used first; never-used entries after, by name.
  const byUse = (a: T, b: T) => {
    if (a.lastUsedAt !== b.lastUsedAt) {
      if (a.lastUsedAt === null) return 1;
      if (b.lastUsedAt === null) return -1;
      return b.lastUsedAt - a.lastUsedAt;
    }
    return byName(a, b);
  };
  return [...entries].sort(by === "name" ? byName : byUse);
}

/** Case- and accent-insensitive form: "Société" and "societe" match. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Every word of the query must appear in the name, workspace or identifier. */
export function matches(entry: EntrySummary, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = fold(`${entry.name} ${entry.workspace} ${entry.identifier}`);
  return words.every((w) => haystack.includes(w));
}
