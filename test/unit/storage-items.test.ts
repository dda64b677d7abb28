// Every stored key through its typed item (src/storage/items.ts): nothing stored reads as the
// fallback, a value that does not fit reads as the fallback too (the vault: "corrupt", the data
// left in place), and what the owner writes reads back the same.
import { describe, expect, it } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import { initialClock } from "../../src/idle-clock";
import { DEFAULT_SETTINGS } from "../../src/settings";
import * as items from "../../src/storage/items";

const tab = { state: "login", entryId: "e1", hint: { workspace: "ACME", trusted: true } } as const;

const cases = [
  {
    item: items.vaultItem,
    area: "local",
    key: "vault",
    missing: "none",
    bad: { format: 2, records: "nope" },
    badReads: "corrupt",
    good: { format: 2, wrapped: {}, records: [], index: {}, revision: 3 },
  },
  {
    item: items.settingsItem,
    area: "local",
    key: "settings",
    missing: DEFAULT_SETTINGS,
    bad: "dark mode",
    badReads: DEFAULT_SETTINGS,
    good: { ...DEFAULT_SETTINGS, autofillOnLoad: false },
  },
  {
    item: items.unlockThrottleItem,
    area: "local",
    key: "unlockThrottle",
    missing: { failures: 0, notBefore: 0 },
    bad: { failures: -1, notBefore: 5 },
    badReads: { failures: 0, notBefore: 0 },
    good: { failures: 4, notBefore: 1_767_398_400_000 },
  },
  {
    item: items.vaultKeyItem,
    area: "session",
    key: "vaultKey",
    missing: null,
    bad: 42,
    badReads: null,
    good: "a2V5",
  },
  {
    item: items.clockItem,
    area: "session",
    key: "clock",
    missing: initialClock(),
    bad: { loggedInTabs: [1.5] },
    badReads: initialClock(),
    good: { loggedInTabs: [3], lastActivity: 10, warned: true, lapsedAt: null, logoutClickAt: 5 },
  },
  {
    item: items.tabsItem,
    area: "session",
    key: "tabs",
    missing: {},
    bad: [tab],
    badReads: {},
    good: { "7": tab },
  },
  {
    item: items.pendingLoginItem,
    area: "session",
    key: "pendingLogin",
    missing: null,
    bad: { tabId: "4", entryId: "e1", deadline: 1 },
    badReads: null,
    good: { tabId: 4, entryId: "e1", deadline: 1, loggingOut: true },
  },
  {
    item: items.pendingSaveItem,
    area: "session",
    key: "pendingSave",
    missing: null,
    bad: { workspace: "ACME", identifier: "bob" },
    badReads: null,
    good: { workspace: "ACME", identifier: "bob", password: "pw", existingId: "e1" },
  },
  {
    item: items.reloginItem,
    area: "session",
    key: "reloginEntryId",
    missing: null,
    bad: ["e1"],
    badReads: null,
    good: "e1",
  },
] as const;

describe.each(cases)("the $key item ($area)", (c) => {
  const area = () => fakeBrowser.storage[c.area];
  const item = c.item as unknown as {
    get(): Promise<unknown>;
    set(v: unknown): Promise<void>;
    remove(): Promise<void>;
  };

  it("reads its fallback when nothing is stored, and when what is stored does not fit", async () => {
    expect(await item.get()).toEqual(c.missing);
    await area().set({ [c.key]: c.bad });
    expect(await item.get()).toEqual(c.badReads);
    // Reading never rewrites: what did not fit is still there, as found.
    expect(await area().get(c.key)).toEqual({ [c.key]: c.bad });
  });

  it("reads back what its owner writes, under its key, and forgets it", async () => {
    await item.set(c.good);
    expect(await area().get(c.key)).toEqual({ [c.key]: c.good });
    expect(await item.get()).toEqual(c.good);
    await item.remove();
    expect(await item.get()).toEqual(c.missing);
  });
});

describe("the tab records", () => {
  it("keep the records that fit, drop one that does not, and fields this version does not know", async () => {
    await fakeBrowser.storage.session.set({
      tabs: { "7": { ...tab, extra: 1 }, "8": { state: "gone" }, "9": { state: "unknown" } },
    });
    expect(await items.tabsItem.get()).toEqual({ "7": tab, "9": { state: "unknown" } });
  });
});
