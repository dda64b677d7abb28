// How an imported backup meets the vault. Pure, so the rules are unit-tested on their own.
import type { Entry, ImportReport } from "./protocol";
import { findDuplicate } from "./entries";

export function mergeEntries(
  current: Entry[],
  incoming: Entry[],
  mode: "merge" | "replace",
  now: number,
): { next: Entry[]; report: ImportReport } {
  const report: ImportReport = { added: 0, updated: 0, skipped: 0 };
  if (mode === "replace") {
    // Fresh ids: a backup restored twice, or into another profile, never aliases records.
    const next: Entry[] = [];
    for (const e of incoming) {
      if (findDuplicate(next, e)) {
        report.skipped += 1;
        continue;
      }
      next.push({ ...e, id: crypto.randomUUID() });
      report.added += 1;
    }
    return { next, report };
  }
  const next = [...current];
  for (const e of incoming) {
    const dup = findDuplicate(next, e);
    if (!dup) {
      next.push({ ...e, id: crypto.randomUUID() });
      report.added += 1;
      continue;
    }
    const i = next.findIndex((x) => x.id === dup.id);
    const existing = next[i]!;
    if (existing.password === e.password && (existing.name === e.name || !e.name)) {
      report.skipped += 1;
    } else {
      // Same account, different secret: the backup is the user's explicit choice, so it wins.
      next[i] = {
        ...existing,
        name: e.name || existing.name,
        password: e.password,
        updatedAt: now,
      };
      report.updated += 1;
    }
  }
  return { next, report };
}
