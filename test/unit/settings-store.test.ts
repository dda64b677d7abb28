// The settings store's read-modify-write: two changes sent at once (a number committed on blur
// while a checkbox is clicked) must both land, each validated against the other's result.
import { describe, expect, it } from "vitest";
import { getSettings, setSettings } from "../../src/background/settings-store";
import { DEFAULT_SETTINGS } from "../../src/settings";

describe("settings store", () => {
  it("keeps both of two concurrent changes", async () => {
    const [a, b] = await Promise.all([
      setSettings({ idleTimeoutMinutes: 30 }),
      setSettings({ autofillOnLoad: false }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(await getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      idleTimeoutMinutes: 30,
      autofillOnLoad: false,
    });
  });

  it("validates each change against the one before it", async () => {
    // The second patch is only valid once the first one has landed (lead < timeout).
    const [a, b] = await Promise.all([
      setSettings({ idleTimeoutMinutes: 40 }),
      setSettings({ warningLeadMinutes: 30 }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(await getSettings()).toMatchObject({ idleTimeoutMinutes: 40, warningLeadMinutes: 30 });
  });

  it("a refused change leaves the store usable for the next one", async () => {
    const [bad, good] = await Promise.all([
      setSettings({ idleTimeoutMinutes: -1 }),
      setSettings({ countdownBadge: false }),
    ]);
    expect(bad.ok).toBe(false);
    expect(good.ok).toBe(true);
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, countdownBadge: false });
  });
});
