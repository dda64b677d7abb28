// The browser is closed (and once killed outright) and started again on the
// same profile. Expected: the vault is locked (the key lived in storage.session, which the browser
// empties), every saved workspace and every setting is still there, a login window waits for the
// unlock instead of being filled, and unlocking fills it.
//
// Both browsers, through the harness's `userDataDir` option (scripts/lib/browsers.mjs): the
// profile outlives close(). In Firefox the extension is a temporary add-on, uninstalled at each
// shutdown; with that option the harness keeps its UUID and storage (the
// extensions.webextensions.keepUuidOnUninstall / keepStorageOnUninstall prefs), which is what a
// permanently installed add-on gets without them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { IAMOFFICE_URL, type Harness, launch, selectedBrowsers } from "./harness";
import {
  EMPTY_DEMO,
  contentSettled,
  demoExpected,
  demoValues,
  demoValuesEventually,
  freshGoto,
  submitUnlock,
  waitForButton,
} from "./flows";
import {
  ACME,
  BETA,
  MASTER,
  badgeText,
  listEntries,
  seedVault,
  send,
  storageDump,
  unlock,
  until,
  vaultState,
} from "./adversarial-flows";

const SETTINGS = { idleTimeoutMinutes: 15, warningLeadMinutes: 3, countdownBadge: false };
const GAMMA = { name: "Gamma", workspace: "gamma", identifier: "g.user", password: "Pw§gamma-1" };

for (const name of selectedBrowsers()) {
  it(`${name}: closed and reopened on the same profile (once killed), locked with everything kept`, async () => {
    const profile = mkdtempSync(join(tmpdir(), `iamoffice-e2e-relaunch-${name}-`));
    let h: Harness | undefined;
    try {
      // ---- first run: a vault, two workspaces, non-default settings ----
      h = await launch(name, { userDataDir: profile });
      const [acmeId] = await seedVault(h, { entries: [ACME, BETA] });
      // The user logged in with Acme once: it is the account a page load gets by default.
      const first = h;
      await send(first, { type: "login.oneClick", payload: { id: acmeId } });
      await until("Acme used", async () => {
        const list = await listEntries(first);
        return list.ok && list.value.entries.some((e) => e.name === ACME.name && e.lastUsedAt);
      });
      const set = await send<{ ok: boolean }>(h, {
        type: "settings.set",
        payload: { patch: SETTINGS },
      });
      expect(set.ok).toBe(true);
      const before = (await storageDump(h)).local;
      expect((await storageDump(h)).session.vaultKey).toEqual(expect.any(String));
      const origin = h.extensionOrigin;
      await h.close();

      // ---- second run: the same extension, locked, with its data ----
      h = await launch(name, { userDataDir: profile });
      expect(h.extensionOrigin).toBe(origin);
      const after = await storageDump(h);
      expect(after.session.vaultKey).toBeUndefined();
      expect(after.local.vault).toEqual(before.vault);
      expect(after.local.settings).toEqual(before.settings);
      expect(await vaultState(h)).toBe("locked");
      expect(await send(h, { type: "settings.get" })).toMatchObject(SETTINGS);
      // A login window waits for the unlock (the badge says so) and gets nothing meanwhile.
      const demo = await freshGoto(h, `${IAMOFFICE_URL}#${ACME.workspace}`);
      expect((await contentSettled(h, demo, { loginWindow: true })).lastFill).toBe("locked");
      expect(await demoValues(demo)).toEqual({
        ...EMPTY_DEMO,
        "Espace de travail": ACME.workspace,
      });
      expect(await until("the badge", async () => (await badgeText(h!)) === "!")).toBe(true);
      // Unlocking from the popup fills the waiting window.
      const popup = await h.openPopup({ over: demo });
      await submitUnlock(popup, MASTER);
      await waitForButton(popup, /^Beta SAS\b/, { timeout: 30_000 });
      // The window is filled when the user sees it. Firefox's popup is a tab here, which typing
      // brought to the front: back to the page, as when the real popup closes.
      await demo.bringToFront();
      expect(await demoValuesEventually(demo, demoExpected(ACME))).toEqual(demoExpected(ACME));
      const list = await listEntries(h);
      expect(list.ok && list.value.entries.map((e) => e.name).sort()).toEqual([
        ACME.name,
        BETA.name,
      ]);

      // ---- a save, then the browser is killed outright (a crash, a power cut of the app) ----
      const saved = await send<{ ok: boolean }>(h, {
        type: "entries.save",
        payload: { input: GAMMA, revision: list.ok ? list.value.revision : -1 },
      });
      expect(saved.ok).toBe(true);
      h.browser.process()?.kill("SIGKILL");
      await h.close();

      // ---- third run: still locked, and the vault opens whole ----
      h = await launch(name, { userDataDir: profile });
      expect(await vaultState(h)).toBe("locked");
      await unlock(h);
      const last = await listEntries(h);
      if (!last.ok) throw new Error(`the vault after a crash: ${last.error}`);
      const names = last.value.entries.map((e) => e.name).sort();
      // The save before the crash may be lost with the process, never half-kept.
      expect([
        [ACME.name, BETA.name],
        [ACME.name, BETA.name, GAMMA.name],
      ]).toContainEqual(names);
      expect(await send(h, { type: "settings.get" })).toMatchObject(SETTINGS);
    } finally {
      await h?.close();
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    }
  }, 180_000);
}
