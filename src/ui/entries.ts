// Pure helpers over entry summaries: how an entry is called, ordered and searched.
import type { EntrySummary } from "../protocol";

export function displayName(entry: Pick<EntrySummary, "name" | "workspace">): string {
  return entry.name.trim() || entry.workspace;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

export function byName(a: EntrySummary, b: EntrySummary): number {
  return (
    collator.compare(displayName(a), displayName(b)) || collator.compare(a.identifier, b.identifier)
  );
}

/** Most recently used first; never-used entries after, by name. */
export function byRecentUse(a: EntrySummary, b: EntrySummary): number {
  return (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1) || byName(a, b);
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
