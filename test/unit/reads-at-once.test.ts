// The popup's first paint waits for one message (popup.open): the worker's snapshot and the
// vault's list. Each storage read is a round trip to the browser and each record a round trip
// to WebCrypto, so they go out at once, not one after the other.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import { statusSnapshot } from "../../src/background/status";
import * as vault from "../../src/background/vault";
import { stubBackgroundApis } from "./background-stubs";

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => stubBackgroundApis());
afterEach(() => vi.restoreAllMocks());

/** Holds every call of `obj[name]` until released; counts the calls made meanwhile. */
function hold<T extends object>(obj: T, name: keyof T & string) {
  const original = (obj[name] as (...a: unknown[]) => Promise<unknown>).bind(obj);
  const held: (() => void)[] = [];
  let holding = true;
  vi.spyOn(obj, name as never).mockImplementation(((...args: unknown[]) => {
    if (!holding) return original(...args);
    return new Promise((done) => held.push(() => void original(...args).then(done)));
  }) as never);
  return {
    count: () => held.length,
    release: () => {
      holding = false;
      for (const go of held.splice(0)) go();
    },
  };
}

async function entries(n: number): Promise<void> {
  await vault.create("correct horse battery staple", "correct horse battery staple");
  for (let i = 0; i < n; i++) {
    const saved = await vault.save({
      input: { name: `E${i}`, workspace: `WS${i}`, identifier: `u${i}`, password: `pw-${i}` },
      revision: i + 1,
    });
    if (!saved.ok) throw new Error("setup");
  }
}

describe("reads at once", () => {
  it("the popup's snapshot asks the browser for everything in one round", async () => {
    await entries(1);
    const local = hold(fakeBrowser.storage.local, "get");
    const session = hold(fakeBrowser.storage.session, "get");
    const tabs = hold(fakeBrowser.tabs, "query");
    const snapshot = statusSnapshot();
    // The vault, the throttle and the settings; the key, the tab records, the clock and the
    // save offer; the active tab and the IamOffice tabs: all asked before any answer.
    await vi.waitFor(() => {
      expect(local.count()).toBeGreaterThanOrEqual(3);
      expect(session.count()).toBeGreaterThanOrEqual(4);
      expect(tabs.count()).toBe(2);
    });
    for (const h of [local, session, tabs]) h.release();
    expect((await snapshot).vault.state).toBe("unlocked");
  });

  it("the vault's list checks and decrypts every record at once", async () => {
    await entries(5);
    const decrypt = hold(crypto.subtle, "decrypt");
    const digest = hold(crypto.subtle, "digest");
    const list = vault.list();
    // The index and the five records decrypted, and the five digests, before any is answered.
    await vi.waitFor(() => expect(decrypt.count()).toBe(6));
    decrypt.release();
    await vi.waitFor(() => expect(digest.count()).toBe(5));
    digest.release();
    const r = await list;
    expect(r.ok && r.value.entries.map((e) => e.name)).toEqual(["E0", "E1", "E2", "E3", "E4"]);
  });
});
