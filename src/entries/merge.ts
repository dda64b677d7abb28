// How an imported backup meets the vault. Pure, so the rules are unit-tested on their own.
//
// Merge, for an account found on both sides (same workspace and identifier, src/entries/rules.ts):
// - identical, or differing only by a name the backup lacks: nothing to do;
// - otherwise the newer record by `updatedAt` wins, and the report says which and why. An old
//   backup must never silently bring back last month's password;
// - when which is newer is unclear (equal dates, or one unknown) and the passwords differ, it is
//   a conflict: nothing is written until the user has chosen, per account (`choices`). Differing
//   only by name, yours is kept.
// A backup holding one account twice (it never does when we wrote it) counts its first record.
import { findDuplicate, type Entry } from "./rules";

/**
 * How an account found in both the vault and a backup was settled. The newer record (by
 * `updatedAt`) wins; when which is newer is unclear, the user chose.
 */
export type MergeOutcome = "kept_newer" | "took_newer" | "kept_chosen" | "took_chosen";

export interface ImportDetail {
  name: string;
  workspace: string;
  identifier: string;
  outcome: MergeOutcome;
}

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  /** Every account whose vault and backup versions differed, and which one was kept. */
  details: ImportDetail[];
}

/**
 * The same account with another password in the backup, and no telling which is newer (equal or
 * unknown dates): nothing is written until the user chooses. Never carries a password.
 */
export interface ImportConflict {
  /** The vault entry's id: what the user's choice is keyed by. */
  id: string;
  name: string;
  workspace: string;
  identifier: string;
  /** Last change of each side (epoch ms), 0 when unknown. */
  yoursUpdatedAt: number;
  backupUpdatedAt: number;
}

export type ImportChoice = "mine" | "backup";

export type ImportOutcome =
  { status: "done"; report: ImportReport } | { status: "conflicts"; conflicts: ImportConflict[] };

export type MergeResult =
  | { status: "done"; next: Entry[]; report: ImportReport }
  | { status: "conflicts"; conflicts: ImportConflict[] };

/** Which side changed last; "unclear" for equal dates or a date we cannot trust (0). */
export function newerSide(yours: number, backup: number): "yours" | "backup" | "unclear" {
  if (yours <= 0 || backup <= 0 || yours === backup) return "unclear";
  return yours > backup ? "yours" : "backup";
}

const detail = (e: Entry, outcome: MergeOutcome): ImportDetail => ({
  name: e.name,
  workspace: e.workspace,
  identifier: e.identifier,
  outcome,
});

function replaceAll(incoming: Entry[]): MergeResult {
  // Fresh ids: a backup restored twice, or into another profile, never aliases records.
  const report: ImportReport = { added: 0, updated: 0, skipped: 0, details: [] };
  const next: Entry[] = [];
  for (const e of incoming) {
    if (findDuplicate(next, e)) {
      report.skipped += 1;
      continue;
    }
    next.push({ ...e, id: crypto.randomUUID() });
    report.added += 1;
  }
  return { status: "done", next, report };
}

export function mergeEntries(
  current: Entry[],
  incoming: Entry[],
  mode: "merge" | "replace",
  now: number,
  choices: ReadonlyMap<string, ImportChoice> = new Map(),
): MergeResult {
  if (mode === "replace") return replaceAll(incoming);
  const report: ImportReport = { added: 0, updated: 0, skipped: 0, details: [] };
  const conflicts: ImportConflict[] = [];
  const next = [...current];
  const added = new Set<string>();
  const settled = new Set<string>();
  const take = (i: number, mine: Entry, theirs: Entry, updatedAt: number) => {
    next[i] = { ...mine, name: theirs.name || mine.name, password: theirs.password, updatedAt };
    report.updated += 1;
  };
  for (const e of incoming) {
    const dup = findDuplicate(next, e);
    if (!dup) {
      const id = crypto.randomUUID();
      next.push({ ...e, id });
      added.add(id);
      report.added += 1;
      continue;
    }
    if (added.has(dup.id) || settled.has(dup.id)) {
      report.skipped += 1;
      continue;
    }
    settled.add(dup.id);
    const i = next.findIndex((x) => x.id === dup.id);
    const samePassword = dup.password === e.password;
    if (samePassword && (!e.name || e.name === dup.name)) {
      report.skipped += 1;
      continue;
    }
    const side = newerSide(dup.updatedAt, e.updatedAt);
    if (side === "backup") {
      take(i, dup, e, e.updatedAt);
      report.details.push(detail(dup, "took_newer"));
    } else if (side === "yours") {
      report.skipped += 1;
      report.details.push(detail(dup, "kept_newer"));
    } else if (samePassword) {
      report.skipped += 1;
    } else {
      const choice = choices.get(dup.id);
      if (choice === "backup") {
        take(i, dup, e, now);
        report.details.push(detail(dup, "took_chosen"));
      } else if (choice === "mine") {
        report.skipped += 1;
        report.details.push(detail(dup, "kept_chosen"));
      } else {
        conflicts.push({
          id: dup.id,
          name: dup.name,
          workspace: dup.workspace,
          identifier: dup.identifier,
          yoursUpdatedAt: dup.updatedAt,
          backupUpdatedAt: e.updatedAt,
        });
      }
    }
  }
  return conflicts.length ? { status: "conflicts", conflicts } : { status: "done", next, report };
}
