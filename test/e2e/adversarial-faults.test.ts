// The background is killed at the worst moments, and a storage write
// is rejected. Expected: the previous state intact, a clear message, nothing half-done.
//
// Chromium only, and why:
// - 8: Chrome really terminates an idle MV3 service worker and the harness can do the same on
//   demand (CDP, h.stopServiceWorker()) at a chosen moment. Firefox runs the background as an
//   event page that WebDriver cannot terminate; Firefox only suspends it after it has been idle
//   (extensions.background.idle.timeout), i.e. never in the middle of an operation.
// - 10: Chrome enforces storage.local's 10 MB quota (no unlimitedStorage permission), so filling
//   it makes the next vault write fail for real. Firefox's storage.local has no quota, and no
//   page can make its writes fail.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  IAMOFFICE_URL,
  type Harness,
  clickButton,
  demoState,
  fillByLabels,
  html,
  launch,
  selectedBrowsers,
} from "./harness";
import { submitUnlock, waitForButton, waitForText } from "./flows";
import {
  ACME,
  BETA,
  MASTER,
  bodyText,
  en,
  getLocal,
  getSession,
  listEntries,
  lock,
  seedVault,
  send,
  setSettings,
  sleep,
  storageDump,
  until,
  unlock,
  vaultState,
} from "./adversarial-flows";

const SOMETHING_WRONG = en("err_internal");
const STORAGE_FAILED = en("err_storage_failed");
const DEMO_HTML = readFileSync("scripts/demo/public/index.html", "utf8");

/** Sends a message from the extension scratch page WITHOUT waiting for the answer. */
function fire(h: Harness, message: unknown): Promise<void> {
  return h.evalInExtension((browser, m) => {
    const g = globalThis as unknown as { __fired?: unknown[] };
    g.__fired = [];
    browser.runtime.sendMessage(m).then(
      (r: unknown) => g.__fired?.push(r ?? null),
      (e: unknown) => g.__fired?.push(String(e)),
    );
  }, message);
}

describe.runIf(selectedBrowsers().includes("chromium"))("chromium: adversarial faults", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch("chromium");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("worker killed during unlock: still locked, vault untouched, a clear message; the retry works", async () => {
    await seedVault(h, { entries: [ACME] });
    const before = await getLocal(h, "vault");
    let injected = false;
    for (let attempt = 0; attempt < 3 && !injected; attempt++) {
      await lock(h);
      const options = await h.openOptions();
      await waitForButton(options, "Unlock");
      await fillByLabels(options, { "Master password": MASTER });
      await clickButton(options, "Unlock");
      // Argon2id takes ~1 s in the worker: stop it in the middle.
      await sleep(150);
      await h.stopServiceWorker();
      if ((await vaultState(h)) === "unlocked") {
        await options.close();
        continue; // it finished first: try again
      }
      injected = true;
      await waitForText(options, SOMETHING_WRONG);
      expect(await getSession(h, "vaultKey")).toBeUndefined();
      expect(await getLocal(h, "vault")).toEqual(before);
      // A killed unlock is no failed attempt: no throttle.
      expect(await getLocal(h, "unlockThrottle")).toBeUndefined();
      await submitUnlock(options, MASTER);
      await waitForButton(options, "Add workspace", { timeout: 30_000 });
      await options.close();
    }
    expect(injected, "the worker was stopped while the unlock ran").toBe(true);
  });

  it("worker killed at any point of a save: the list is the old one or the new one, never broken", async () => {
    const start = await listEntries(h);
    if (!start.ok) throw new Error(start.error);
    let count = start.value.entries.length;
    let revision = start.value.revision;
    for (const delay of [0, 2, 5, 10, 20, 40, 80]) {
      const input = { ...BETA, name: `Beta ${delay}`, identifier: `beta.${delay}` };
      await fire(h, { type: "entries.save", payload: { input, revision } });
      await sleep(delay);
      await h.stopServiceWorker();
      const after = await listEntries(h);
      if (!after.ok) throw new Error(`after a kill at ${delay} ms: ${after.error}`);
      const n = after.value.entries.length;
      expect([count, count + 1], `entries after a kill at ${delay} ms`).toContain(n);
      expect(after.value.revision).toBe(n === count ? revision : revision + 1);
      // Every stored record still decrypts to a whole entry.
      for (const e of after.value.entries) {
        const got = await send<{ ok: boolean }>(h, {
          type: "entries.get",
          payload: { id: e.id },
        });
        expect(got.ok, e.name).toBe(true);
      }
      count = n;
      revision = after.value.revision;
    }
    expect(await vaultState(h)).toBe("unlocked");
  });

  it("worker killed right after a one-click login started: the login still completes", async () => {
    // The new IamOffice tab is slow to load, so the worker is surely dead when its login
    // window asks what to fill: the pending login must come from storage, not memory.
    const slow = h.site.route({
      host: "soft.iamoffice.net",
      path: "/",
      handler: async () => {
        await sleep(1500);
        return html(DEMO_HTML);
      },
    });
    try {
      const [id] = (await listEntries(h).then((l) => (l.ok ? l.value.entries : [])))
        .filter((e) => e.name === ACME.name)
        .map((e) => e.id);
      const reply = await send<{ ok: boolean }>(h, {
        type: "login.oneClick",
        payload: { id, newTab: true },
      });
      expect(reply.ok).toBe(true);
      await h.stopServiceWorker();
      expect(h.isServiceWorkerRunning()).toBe(false);
      const tab = await until("the new IamOffice tab", async () => {
        for (const page of await h.browser.pages()) {
          if (page.url().startsWith(IAMOFFICE_URL)) return page;
        }
        return null;
      });
      await tab.waitForFunction(() => document.body.dataset.loggedIn === "1", {
        timeout: 20_000,
      });
      expect((await demoState(tab)).submitted).toEqual({
        workspace: ACME.workspace,
        identifier: ACME.identifier,
        password: ACME.password,
      });
      expect(await getSession(h, "pendingLogin")).toBeUndefined();
      await tab.close();
    } finally {
      slow();
    }
  });

  it("worker killed during the idle countdown: the warning and the logout still come", async () => {
    await setSettings(h, { idleTimeoutMinutes: 0.1, warningLeadMinutes: 0.05 });
    const demo = await h.goto(`${IAMOFFICE_URL}?idle=6`);
    await fillByLabels(demo, {
      "Espace de travail": ACME.workspace,
      Identifiant: ACME.identifier,
      "Mot de passe": ACME.password,
    });
    await clickButton(demo, "Connexion");
    await demo.waitForFunction(() => document.body.dataset.loggedIn === "1");
    type Clock = { loggedInTabs: number[]; lastActivity: number; warned: boolean };
    const running = await until("the clock running", async () => {
      const c = (await getSession(h, "clock")) as Clock | undefined;
      return c && c.loggedInTabs.length > 0 ? c : null;
    });
    await h.stopServiceWorker();
    // The warn alarm wakes a fresh worker, which reads the clock back from storage.session.
    const warned = await until(
      "the warning",
      async () => {
        const c = (await getSession(h, "clock")) as Clock | undefined;
        return c?.warned ? c : null;
      },
      { timeout: 15_000 },
    );
    expect(warned.lastActivity).toBe(running.lastActivity);
    expect(warned.loggedInTabs).toEqual(running.loggedInTabs);
    await h.stopServiceWorker();
    // IamOffice's own idle logout: recognised as such by a worker that was killed twice.
    await demo.waitForFunction(() => document.body.dataset.loggedIn === "0", {
      timeout: 15_000,
    });
    expect((await demoState(demo)).logouts.at(-1)?.reason).toBe("idle");
    await until(
      "the clock to stop",
      async () => {
        const c = (await getSession(h, "clock")) as Clock | undefined;
        return c && c.loggedInTabs.length === 0;
      },
      { timeout: 10_000 },
    );
    expect(await getSession(h, "reloginEntryId")).toEqual(expect.any(String));
    await setSettings(h, { idleTimeoutMinutes: 20, warningLeadMinutes: 2 });
  });

  it("storage full during a save: refused with a clear message, no partial entry, works once there is room", async () => {
    await unlock(h).catch(() => undefined);
    const before = await storageDump(h);
    const list = await listEntries(h);
    if (!list.ok) throw new Error(list.error);
    // Fill storage.local up to a few bytes under its quota.
    await h.evalInExtension(async (browser) => {
      const local = browser.storage.local as typeof browser.storage.local & {
        QUOTA_BYTES: number;
        getBytesInUse(keys: null): Promise<number>;
      };
      const used = await local.getBytesInUse(null);
      const key = "adversarial-junk";
      const room = local.QUOTA_BYTES - used - key.length - 2 - 64;
      await local.set({ [key]: "x".repeat(room) });
    });
    const options = await h.openOptions();
    await waitForButton(options, "Add workspace");
    await clickButton(options, "Add workspace");
    await fillByLabels(options, {
      Name: "Gamma",
      Workspace: "gamma",
      Identifier: "g.user",
      Password: "Pw§gamma-1",
    });
    await clickButton(options, "Save");
    await waitForText(options, STORAGE_FAILED);
    // Nothing half-written: the same vault, the same list, and the form still holds the input.
    expect(await getLocal(h, "vault")).toEqual(before.local.vault);
    const same = await listEntries(h);
    expect(same.ok && same.value.entries.map((e) => e.id)).toEqual(
      list.value.entries.map((e) => e.id),
    );
    expect(await bodyText(options)).not.toContain("“Gamma” saved.");
    // Make room: the same Save now works.
    await h.evalInExtension((browser) => browser.storage.local.remove("adversarial-junk"));
    await clickButton(options, "Save");
    await waitForText(options, "“Gamma” saved.");
    const after = await listEntries(h);
    expect(after.ok && after.value.entries.length).toBe(list.value.entries.length + 1);
    await options.close();
  });
});
