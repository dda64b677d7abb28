import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_SETTINGS,
  LIMITS,
  type Settings,
  applySettingsPatch,
  readSettings,
} from "../../src/settings";

const POLICIES = ["browser-exit", "idle", "screen-lock", "never-while-open"] as const;

/** Every rule a stored or patched Settings must satisfy, checked independently of the code. */
function expectValid(s: Settings): void {
  expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  for (const key of [
    "autofillOnLoad",
    "submitAfterAutofill",
    "notifications",
    "countdownBadge",
    "offerRelogin",
    "autoRelogin",
  ] as const) {
    expect(typeof s[key], key).toBe("boolean");
  }
  for (const key of ["idleTimeoutMinutes", "warningLeadMinutes", "autoLockMinutes"] as const) {
    expect(Number.isFinite(s[key]), key).toBe(true);
    expect(s[key], key).toBeGreaterThanOrEqual(LIMITS[key].min);
    expect(s[key], key).toBeLessThanOrEqual(LIMITS[key].max);
  }
  expect(s.warningLeadMinutes).toBeLessThan(s.idleTimeoutMinutes);
  expect(POLICIES).toContain(s.autoLock);
}

const validSettings: fc.Arbitrary<Settings> = fc
  .record({
    autofillOnLoad: fc.boolean(),
    submitAfterAutofill: fc.boolean(),
    idleTimeoutMinutes: fc.double({ min: 0.05, max: 24 * 60, noNaN: true }),
    warningLeadMinutes: fc.double({ min: 0.02, max: 60, noNaN: true }),
    notifications: fc.boolean(),
    countdownBadge: fc.boolean(),
    offerRelogin: fc.boolean(),
    autoRelogin: fc.boolean(),
    autoLock: fc.constantFrom(...POLICIES),
    autoLockMinutes: fc.integer({ min: 1, max: 24 * 60 }),
  })
  .filter((s) => s.warningLeadMinutes < s.idleTimeoutMinutes);

describe("defaults", () => {
  it("are valid, and accepted as a patch of themselves", () => {
    expectValid(DEFAULT_SETTINGS);
    expect(applySettingsPatch(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS })).toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    });
  });

  it("mirror the vendor: 20-minute idle logout", () => {
    expect(DEFAULT_SETTINGS.idleTimeoutMinutes).toBe(20);
    expect(DEFAULT_SETTINGS.autoRelogin).toBe(false);
  });

  it("are what readSettings gives for nothing stored, as a fresh copy", () => {
    for (const stored of [undefined, null, "settings", 42, [], {}]) {
      expect(readSettings(stored)).toEqual(DEFAULT_SETTINGS);
    }
    const copy = readSettings(undefined);
    copy.notifications = false;
    expect(DEFAULT_SETTINGS.notifications).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });
});

describe("applySettingsPatch", () => {
  it("applies a valid partial patch on top of the base, leaving the base alone", () => {
    const base = { ...DEFAULT_SETTINGS };
    const r = applySettingsPatch(base, { notifications: false, autoLock: "idle" });
    expect(r).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, notifications: false, autoLock: "idle" },
    });
    expect(base).toEqual(DEFAULT_SETTINGS);
  });

  it("refuses a warning lead not shorter than the idle timeout", () => {
    for (const lead of [20, 25]) {
      expect(applySettingsPatch(DEFAULT_SETTINGS, { warningLeadMinutes: lead })).toEqual({
        ok: false,
        errors: { warningLeadMinutes: "lead_too_long" },
      });
    }
    // Shortening the timeout below the current lead is refused the same way.
    expect(applySettingsPatch(DEFAULT_SETTINGS, { idleTimeoutMinutes: 2 })).toEqual({
      ok: false,
      errors: { warningLeadMinutes: "lead_too_long" },
    });
    expect(
      applySettingsPatch(DEFAULT_SETTINGS, { idleTimeoutMinutes: 2, warningLeadMinutes: 1 }),
    ).toMatchObject({ ok: true, value: { idleTimeoutMinutes: 2, warningLeadMinutes: 1 } });
  });

  it.each([
    ["idleTimeoutMinutes", 0.04, "out_of_range"],
    ["idleTimeoutMinutes", 24 * 60 + 1, "out_of_range"],
    ["warningLeadMinutes", 0.01, "out_of_range"],
    ["warningLeadMinutes", 61, "out_of_range"],
    ["autoLockMinutes", 0.5, "out_of_range"],
    ["autoLockMinutes", 24 * 60 + 1, "out_of_range"],
    ["idleTimeoutMinutes", "20", "not_number"],
    ["idleTimeoutMinutes", Number.NaN, "not_number"],
    ["autoLockMinutes", Number.POSITIVE_INFINITY, "not_number"],
    ["warningLeadMinutes", null, "not_number"],
    ["notifications", "true", "not_boolean"],
    ["autoRelogin", 1, "not_boolean"],
    ["autoLock", "sometimes", "invalid"],
    ["autoLock", 3, "invalid"],
    ["vaultKey", "x", "unknown"],
    ["toString", "x", "unknown"],
  ])("refuses %s = %j (%s)", (key, value, error) => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { [key]: value })).toEqual({
      ok: false,
      errors: { [key]: error },
    });
  });

  it("accepts the range bounds, including fractional minutes for tests", () => {
    expect(
      applySettingsPatch(DEFAULT_SETTINGS, { idleTimeoutMinutes: 0.05, warningLeadMinutes: 0.02 }),
    ).toMatchObject({ ok: true });
    expect(
      applySettingsPatch(DEFAULT_SETTINGS, { idleTimeoutMinutes: 24 * 60, warningLeadMinutes: 60 }),
    ).toMatchObject({ ok: true });
    for (const policy of POLICIES) {
      expect(applySettingsPatch(DEFAULT_SETTINGS, { autoLock: policy })).toMatchObject({
        ok: true,
      });
    }
  });

  it("refuses a non-object patch", () => {
    for (const patch of [null, undefined, "x", 1, [true]]) {
      expect(applySettingsPatch(DEFAULT_SETTINGS, patch)).toMatchObject({ ok: false });
    }
  });

  it("refuses a __proto__ key (an own key after JSON.parse) like any unknown key", () => {
    const patch: unknown = JSON.parse('{"__proto__": {"notifications": false}}');
    const r = applySettingsPatch(DEFAULT_SETTINGS, patch);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(["__proto__"]);
  });

  it("never throws; whatever it accepts is valid", () => {
    const patchArb = fc.oneof(
      fc.anything(),
      fc.dictionary(
        fc.constantFrom(...Object.keys(DEFAULT_SETTINGS), "__proto__", "extra"),
        fc.oneof(fc.boolean(), fc.double(), fc.constantFrom(...POLICIES), fc.anything()),
      ),
    );
    fc.assert(
      fc.property(validSettings, patchArb, (base, patch) => {
        const r = applySettingsPatch(base, patch);
        if (r.ok) expectValid(r.value);
        else expect(Object.keys(r.errors).length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("readSettings", () => {
  it("keeps every valid stored field and defaults the others", () => {
    expect(
      readSettings({ notifications: "yes", countdownBadge: false, autoLock: "idle", junk: 1 }),
    ).toEqual({ ...DEFAULT_SETTINGS, countdownBadge: false, autoLock: "idle" });
  });

  it("keeps a valid timeout/lead pair whatever the key order", () => {
    // {idle: 1} alone is invalid against the default lead of 2 minutes.
    const short = { idleTimeoutMinutes: 1, warningLeadMinutes: 0.5 };
    expect(readSettings(short)).toMatchObject(short);
    expect(readSettings({ warningLeadMinutes: 0.5, idleTimeoutMinutes: 1 })).toMatchObject(short);
    // {lead: 25} alone is invalid against the default timeout of 20 minutes.
    expect(readSettings({ warningLeadMinutes: 25, idleTimeoutMinutes: 30 })).toMatchObject({
      idleTimeoutMinutes: 30,
      warningLeadMinutes: 25,
    });
  });

  it("salvages what it can from an invalid pair", () => {
    const r = readSettings({ idleTimeoutMinutes: 1, warningLeadMinutes: 5 });
    expectValid(r);
    expect(r.warningLeadMinutes).toBe(5);
  });

  it("gives back any valid settings exactly, in any key order", () => {
    const keys = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
    fc.assert(
      fc.property(
        validSettings,
        fc.shuffledSubarray(keys, { minLength: keys.length }),
        (settings, order) => {
          const shuffled = Object.fromEntries(order.map((k) => [k, settings[k]]));
          expect(readSettings(shuffled)).toEqual(settings);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws and always returns valid settings", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(
            fc.constantFrom(...Object.keys(DEFAULT_SETTINGS), "__proto__"),
            fc.oneof(fc.double(), fc.boolean(), fc.anything()),
          ),
        ),
        (stored) => expectValid(readSettings(stored)),
      ),
      { numRuns: 500 },
    );
  });
});
