// Rules about saved entries shared by the background (vault writes, autofill) and the UI (forms,
// lists). Pure: no browser API, so the rules are unit-tested on their own.
//
// Identity of an account: the workspace compared case-insensitively (IamOffice treats
// `ACME` and `acme` as one workspace, and the vendor's bookmarks spell it either way) and the
// identifier compared exactly after trimming (we do not know that the site folds its case, and
// merging two distinct logins would be worse than keeping a near-duplicate).

import type { EntryInput, EntrySummary } from "./protocol";

export type FieldProblem = "empty" | "control_chars" | "too_long" | "not_string";
export type EntryField = keyof EntryInput;

export const MAX_LENGTH: Readonly<Record<EntryField, number>> = Object.freeze({
  name: 200,
  workspace: 200,
  identifier: 200,
  password: 1000,
});

/**
 * C0, DEL and C1 controls (Unicode's Cc: U+0000–U+001F, U+007F–U+009F). Never part of a real
 * name or password, and a trailing newline pasted into the password field would otherwise be
 * saved silently and fail every login.
 */
const CONTROL = /\p{Cc}/u;

/**
 * Checks a form or message payload. Workspace, identifier and name are trimmed (stored trimmed);
 * the password is kept exactly as typed, spaces included. Missing or null optional `name` is "".
 * A payload that is not an object reports every required field as `not_string`.
 * The field problem codes are i18n key suffixes (see Failure.fields in src/protocol.ts).
 */
export function validateEntryInput(
  input: unknown,
):
  | { ok: true; value: EntryInput }
  | { ok: false; fields: Partial<Record<EntryField, FieldProblem>> } {
  const o: Record<string, unknown> =
    typeof input === "object" && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : { workspace: null, identifier: null, password: null };
  const fields: Partial<Record<EntryField, FieldProblem>> = {};
  const value: EntryInput = { name: "", workspace: "", identifier: "", password: "" };
  for (const field of ["name", "workspace", "identifier", "password"] as const) {
    let v = Object.hasOwn(o, field) ? o[field] : undefined;
    if (field === "name" && (v === undefined || v === null)) v = "";
    if (v === undefined) v = "";
    if (typeof v !== "string") {
      fields[field] = "not_string";
      continue;
    }
    const s = field === "password" ? v : v.trim();
    if (s === "" && field !== "name") fields[field] = "empty";
    else if (CONTROL.test(s)) fields[field] = "control_chars";
    else if (s.length > MAX_LENGTH[field]) fields[field] = "too_long";
    else value[field] = s;
  }
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, value };
}

/** Comparison key of a workspace: trimmed, NFC (a URL may carry the decomposed form), case-folded. */
export function workspaceKey(workspace: string): string {
  return workspace.trim().normalize("NFC").toLowerCase();
}

/** True when both name the same account; an unknown side (no workspace or identifier) is not. */
export function sameAccount(
  a: { workspace?: string; identifier?: string },
  b: { workspace?: string; identifier?: string },
): boolean {
  const known = (x: { workspace?: string; identifier?: string }) =>
    Boolean(x.workspace?.trim() && x.identifier?.trim());
  return (
    known(a) &&
    known(b) &&
    workspaceKey(a.workspace ?? "") === workspaceKey(b.workspace ?? "") &&
    a.identifier?.trim() === b.identifier?.trim()
  );
}

/** The saved entry for the same account, ignoring `exceptId` (the entry being edited). */
export function findDuplicate<T extends Pick<EntrySummary, "id" | "workspace" | "identifier">>(
  entries: readonly T[],
  input: { workspace: string; identifier: string },
  exceptId?: string,
): T | undefined {
  return entries.find((e) => e.id !== exceptId && sameAccount(e, input));
}

export function displayName(e: Pick<EntrySummary, "name" | "workspace">): string {
  return e.name.trim() || e.workspace;
}

/** Sort orders offered by the lists; `locale` defaults to the runtime's (the UI language). */
export function sortEntries<T extends EntrySummary>(
  entries: readonly T[],
  by: "name" | "lastUsed",
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
