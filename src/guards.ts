// Type guards for data this code did not make: messages, stored values, backup files, decrypted
// records. One definition each, so that "a plain object" or "an integer" means the same in the
// worker, the crypto layer and the pages. Pure.

/** A plain object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === "string";
}

export function isBoolean(value: unknown): value is boolean {
  return typeof value === "boolean";
}

/** Any integer (a revision as a page sends it). */
export function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/** An integer exactly representable (a tab id, a count). */
export function isSafeInteger(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

/** An epoch-ms date, a count, a revision: a safe integer ≥ 0. */
export function isNonNegativeInt(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** A finite number (a time, a setting in minutes). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

/** A guard for one of `values`. */
export function oneOf<T extends string>(values: readonly T[]): (value: unknown) => value is T {
  return (value: unknown): value is T =>
    typeof value === "string" && (values as readonly string[]).includes(value);
}
