// Shape check for entries that arrive from outside the vault (a backup file). A backup that
// decrypts is only proof the file was made with that password, not that its content is sane:
// entries are re-validated field by field and rebuilt, so no unexpected key (e.g. "__proto__")
// or type ever reaches the vault.
import type { Entry } from "../protocol";
import { isNonNegativeInt, isRecord } from "./bytes";

const MAX_FIELD = 1000;
const MAX_ID = 256;
// C0 and C1 controls (tab and newline included; Unicode's Cc: U+0000–U+001F, U+007F–U+009F):
// none belongs in a login field, and they are the usual way to smuggle surprises into a form or
// a log line.
const CONTROL = /\p{Cc}/u;
// Lone UTF-16 surrogates cannot be typed and do not survive UTF-8 storage round trips.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function text(value: unknown, { min, max }: { min: number; max: number }): value is string {
  return (
    typeof value === "string" &&
    value.length >= min &&
    value.length <= max &&
    !CONTROL.test(value) &&
    !LONE_SURROGATE.test(value)
  );
}

export function validateEntry(raw: unknown): Entry | null {
  if (!isRecord(raw)) return null;
  const { id, name, workspace, identifier, password, createdAt, updatedAt, lastUsedAt } = raw;
  if (!text(id, { min: 1, max: MAX_ID })) return null;
  if (!text(name, { min: 0, max: MAX_FIELD })) return null;
  if (!text(workspace, { min: 1, max: MAX_FIELD })) return null;
  if (!text(identifier, { min: 1, max: MAX_FIELD })) return null;
  if (!text(password, { min: 1, max: MAX_FIELD })) return null;
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
