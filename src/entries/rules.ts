// What a saved entry is, when it is valid, and when two name the same account: the one set of
// rules and limits, applied alike to what a form or a page message sends (validateEntryInput),
// to a login typed in the IamOffice page (validateCredentials), and to what a backup file or a
// decrypted record holds (validateEntry). Pure: no browser API, unit-tested on its own.
//
// Identity of an account: the workspace compared case-insensitively (IamOffice treats `ACME`
// and `acme` as one workspace, and the vendor's bookmarks spell it either way) and the
// identifier compared exactly after trimming (we do not know that the site folds its case, and
// merging two distinct logins would be worse than keeping a near-duplicate).
import { isNonNegativeInt, isRecord } from "../guards";

/** What the IamOffice login window takes. */
export interface Credentials {
  workspace: string;
  identifier: string;
  password: string;
}

/** What a user types to save an entry. */
export interface EntryInput extends Credentials {
  name: string;
}

/** What lists show: never the password. */
export interface EntrySummary {
  id: string;
  name: string;
  workspace: string;
  identifier: string;
  createdAt: number;
  updatedAt: number;
  lastUsedAt: number | null;
}

export interface Entry extends EntrySummary {
  password: string;
}

export type FieldProblem = "empty" | "control_chars" | "too_long" | "not_string";
export type EntryField = keyof EntryInput;

/**
 * The limits, in UTF-16 code units, of every field wherever it comes from. Marked pure so that
 * bundles which never read it (the content script) leave it out.
 */
export const MAX_LENGTH: Readonly<Record<EntryField, number>> = /* @__PURE__ */ Object.freeze({
  name: 200,
  workspace: 200,
  identifier: 200,
  password: 1000,
});
/** Entry ids are UUIDs we draw; this bounds what a backup file may carry. */
export const MAX_ID_LENGTH = 256;

const FIELDS = ["name", "workspace", "identifier", "password"] as const;

/**
 * C0, DEL and C1 controls (Unicode's Cc: U+0000–U+001F, U+007F–U+009F): never part of a real
 * name or password, the usual way to smuggle surprises into a form or a log line, and a trailing
 * newline pasted into the password field would otherwise be saved and fail every login.
 */
const CONTROL = /\p{Cc}/u;
/** Lone UTF-16 surrogates cannot be typed and do not survive a UTF-8 round trip. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a field's text as it would be stored, or null. Only `name` may be empty. */
export function fieldProblem(field: EntryField, text: string): FieldProblem | null {
  if (text === "" && field !== "name") return "empty";
  if (CONTROL.test(text) || LONE_SURROGATE.test(text)) return "control_chars";
  if (text.length > MAX_LENGTH[field]) return "too_long";
  return null;
}

/**
 * Checks a form or message payload. Workspace, identifier and name are trimmed (stored trimmed);
 * the password is kept exactly as typed, spaces included. Missing or null optional `name` is "".
 * A payload that is not an object reports every required field as `not_string`.
 * The field problem codes are i18n key suffixes (see Failure.fields in src/result.ts).
 */
export function validateEntryInput(
  input: unknown,
):
  | { ok: true; value: EntryInput }
  | { ok: false; fields: Partial<Record<EntryField, FieldProblem>> } {
  const o: Record<string, unknown> = isRecord(input)
    ? input
    : { workspace: null, identifier: null, password: null };
  const fields: Partial<Record<EntryField, FieldProblem>> = {};
  const value: EntryInput = { name: "", workspace: "", identifier: "", password: "" };
  for (const field of FIELDS) {
    let v = Object.hasOwn(o, field) ? o[field] : undefined;
    if (field === "name" && v === null) v = undefined;
    if (v === undefined) v = "";
    if (typeof v !== "string") {
      fields[field] = "not_string";
      continue;
    }
    const text = field === "password" ? v : v.trim();
    const problem = fieldProblem(field, text);
    if (problem) fields[field] = problem;
    else value[field] = text;
  }
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, value };
}

/**
 * A login the user submitted by hand in the page, as the content script reports it: kept as
 * typed (the save prompt shows it so), or null when no entry could ever hold it.
 */
export function validateCredentials(raw: unknown): Credentials | null {
  if (!isRecord(raw)) return null;
  const { workspace, identifier, password } = raw;
  if (typeof workspace !== "string" || typeof identifier !== "string") return null;
  if (typeof password !== "string") return null;
  if (fieldProblem("workspace", workspace.trim()) || fieldProblem("identifier", identifier.trim()))
    return null;
  return fieldProblem("password", password) ? null : { workspace, identifier, password };
}

/**
 * What a vault record or a backup may already hold in any field. Earlier versions let a backup
 * bring in up to this much, so such an entry stays readable: a vault must never turn unreadable
 * because an input rule got stricter. New input is held to MAX_LENGTH.
 */
export const MAX_STORED_LENGTH = 1000;

const storedText = (field: EntryField, v: unknown): v is string =>
  typeof v === "string" &&
  (v !== "" || field === "name") &&
  v.length <= MAX_STORED_LENGTH &&
  !CONTROL.test(v) &&
  !LONE_SURROGATE.test(v);

/**
 * A whole entry from outside this run's memory (a backup file, a decrypted record), checked
 * field by field and rebuilt, so no unexpected key (e.g. "__proto__") or type ever gets through.
 * A backup that decrypts only proves it was made with that password, not that it is sane.
 */
export function validateEntry(raw: unknown): Entry | null {
  if (!isRecord(raw)) return null;
  const { id, name, workspace, identifier, password, createdAt, updatedAt, lastUsedAt } = raw;
  if (typeof id !== "string" || id === "" || id.length > MAX_ID_LENGTH) return null;
  if (CONTROL.test(id) || LONE_SURROGATE.test(id)) return null;
  if (!storedText("name", name) || !storedText("workspace", workspace)) return null;
  if (!storedText("identifier", identifier) || !storedText("password", password)) return null;
  if (!isNonNegativeInt(createdAt) || !isNonNegativeInt(updatedAt)) return null;
  if (lastUsedAt !== null && !isNonNegativeInt(lastUsedAt)) return null;
  return { id, name, workspace, identifier, password, createdAt, updatedAt, lastUsedAt };
}

/** All entries valid and ids unique, or null: an import is all-or-nothing. */
export function validateEntries(raw: unknown): Entry[] | null {
  if (!Array.isArray(raw)) return null;
  const out: Entry[] = [];
  const ids = new Set<string>();
  for (const item of raw) {
    const entry = validateEntry(item);
    if (!entry || ids.has(entry.id)) return null;
    ids.add(entry.id);
    out.push(entry);
  }
  return out;
}

/** Comparison key of a workspace: trimmed, NFC (a URL may carry the decomposed form), case-folded. */
export function workspaceKey(workspace: string): string {
  return workspace.trim().normalize("NFC").toLowerCase();
}

type Account = { workspace?: string; identifier?: string };

/** True when both name the same account; an unknown side (no workspace or identifier) is not. */
export function sameAccount(a: Account, b: Account): boolean {
  const known = (x: Account) => Boolean(x.workspace?.trim() && x.identifier?.trim());
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
