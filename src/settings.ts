// User settings: one typed record with defaults and a validator that never throws. Pure; the
// worker keeps them in storage.local (src/background/settings-store.ts), no secret in here.
import { isFiniteNumber, isRecord, oneOf } from "./guards";

export type AutoLockPolicy = "browser-exit" | "idle" | "screen-lock" | "never-while-open";

export interface Settings {
  /** Fill the login window as soon as it shows. */
  autofillOnLoad: boolean;
  /** After a page-load autofill, also submit. */
  submitAfterAutofill: boolean;
  /** IamOffice's idle logout, in minutes (the vendor's is 20). */
  idleTimeoutMinutes: number;
  /** How long before the logout the warning shows, in minutes; must be < idleTimeoutMinutes. */
  warningLeadMinutes: number;
  notifications: boolean;
  countdownBadge: boolean;
  /** Offer to log back in after an idle logout. */
  offerRelogin: boolean;
  /** Log back in automatically after an idle logout (opt-in). */
  autoRelogin: boolean;
  autoLock: AutoLockPolicy;
  /** Minutes without using the browser before locking, for autoLock = "idle". */
  autoLockMinutes: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  autofillOnLoad: true,
  submitAfterAutofill: false,
  idleTimeoutMinutes: 20,
  warningLeadMinutes: 2,
  notifications: true,
  countdownBadge: true,
  offerRelogin: true,
  autoRelogin: false,
  autoLock: "browser-exit",
  autoLockMinutes: 15,
});

/**
 * Bounds. Fractional minutes are allowed down to 0.05 (3 s) so end-to-end tests can shorten the
 * clock through the same validated path a user takes; the options page only offers whole minutes.
 */
export const LIMITS = {
  idleTimeoutMinutes: { min: 0.05, max: 24 * 60 },
  warningLeadMinutes: { min: 0.02, max: 60 },
  autoLockMinutes: { min: 1, max: 24 * 60 },
} as const;

const isPolicy = oneOf<AutoLockPolicy>(["browser-exit", "idle", "screen-lock", "never-while-open"]);
const BOOLEAN_KEYS = [
  "autofillOnLoad",
  "submitAfterAutofill",
  "notifications",
  "countdownBadge",
  "offerRelogin",
  "autoRelogin",
] as const;

export type SettingsError = Partial<Record<keyof Settings, string>>;

/** Applies `patch` on top of `base`; returns the new settings or per-field error keys. */
export function applySettingsPatch(
  base: Settings,
  patch: unknown,
): { ok: true; value: Settings } | { ok: false; errors: SettingsError } {
  if (!isRecord(patch)) return { ok: false, errors: { autofillOnLoad: "not_an_object" } };
  const p = patch;
  const next: Settings = { ...base };
  const errors: SettingsError = {};
  for (const key of Object.keys(p)) {
    if (!Object.hasOwn(DEFAULT_SETTINGS, key)) {
      // defineProperty: a plain assignment to "__proto__" (JSON.parse makes it an own key) is
      // silently dropped, which would accept the patch.
      Object.defineProperty(errors, key, { value: "unknown", enumerable: true });
    }
  }
  for (const key of BOOLEAN_KEYS) {
    if (!(key in p)) continue;
    if (typeof p[key] === "boolean") next[key] = p[key];
    else errors[key] = "not_boolean";
  }
  for (const key of ["idleTimeoutMinutes", "warningLeadMinutes", "autoLockMinutes"] as const) {
    if (!(key in p)) continue;
    const v = p[key];
    const { min, max } = LIMITS[key];
    if (!isFiniteNumber(v)) errors[key] = "not_number";
    else if (v < min || v > max) errors[key] = "out_of_range";
    else next[key] = v;
  }
  if ("autoLock" in p) {
    const v = p.autoLock;
    if (isPolicy(v)) next.autoLock = v;
    else errors.autoLock = "invalid";
  }
  if (!errors.idleTimeoutMinutes && !errors.warningLeadMinutes) {
    if (next.warningLeadMinutes >= next.idleTimeoutMinutes)
      errors.warningLeadMinutes = "lead_too_long";
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: next };
}

/** Reads whatever is stored, keeping every valid field and defaulting the rest. */
export function readSettings(stored: unknown): Settings {
  if (!isRecord(stored)) return { ...DEFAULT_SETTINGS };
  let current: Settings = { ...DEFAULT_SETTINGS };
  // The timeout and its warning lead are only valid together (lead < timeout): try the stored
  // pair first, or a valid pair such as {idle: 1, lead: 0.5} would lose the timeout against the
  // default lead, depending on key order.
  const pair = stored as Partial<Record<keyof Settings, unknown>>;
  if (Object.hasOwn(stored, "idleTimeoutMinutes") && Object.hasOwn(stored, "warningLeadMinutes")) {
    const r = applySettingsPatch(current, {
      idleTimeoutMinutes: pair.idleTimeoutMinutes,
      warningLeadMinutes: pair.warningLeadMinutes,
    });
    if (r.ok) current = r.value;
  }
  for (const [key, value] of Object.entries(pair)) {
    const r = applySettingsPatch(current, { [key]: value });
    if (r.ok) current = r.value;
  }
  return current;
}
