// "A browser restart locks the vault" — with a REAL restart: the vault is created in
// one browser, the browser is closed, and a second browser is started on the same profile.
//
// The harness's `userDataDir` option keeps the profile on close, so a second launch with it
// is the same browser profile restarted (Firefox: the temporary add-on comes back with its
// UUID and storage, see scripts/lib/firefox.mjs). Each launch first checks that it really
// runs on that profile with the extension's data in it, so the test cannot pass on a fresh
// profile (which would also show a vault that is not unlocked).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IAMOFFICE_URL, launch, selectedBrowsers, type Harness } from "./harness";
import {
  addWorkspace,
  createVault,
  hasButton,
  hasLabel,
  submitUnlock,
  waitForButton,
  type Workspace,
} from "./flows";

const MASTER = "Trois hiboux rangent la cave 58";
const ENTRY: Workspace = {
  name: "Boulangerie Martin",
  workspace: "boulangerie-martin",
  identifier: "paul.martin",
  password: "Pain-au-levain#2024",
};

/** What the extension keeps, read from an extension page. */
function storageState(h: Harness) {
  return h.evalInExtension(async (browser) => ({
    sessionKeys: Object.keys(await browser.storage.session.get(null)),
    localKeys: Object.keys(await browser.storage.local.get(null)).sort(),
    local: JSON.stringify(await browser.storage.local.get(null)),
  }));
}

describe.each(selectedBrowsers())("%s: browser restart", (name) => {
  const profile = mkdtempSync(join(tmpdir(), `iamoffice-e2e-restart-${name}-`));
  let current: Harness | undefined;

  afterAll(async () => {
    await current?.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  });

  it("after a browser restart on the same profile the vault is locked, and still there", async () => {
    current = await launch(name, { userDataDir: profile });
    const first = current;
    expect(first.profileDir).toBe(profile);
    const options = await createVault(first, MASTER);
    await addWorkspace(options, ENTRY);
    const before = await storageState(first);
    expect(before.sessionKeys).toContain("vaultKey");
    const origin = first.extensionOrigin;
    await first.close();
    current = undefined;

    current = await launch(name, { userDataDir: profile });
    const second = current;
    // Same profile, same extension: the encrypted vault on disk came back unchanged…
    expect(second.extensionOrigin).toBe(origin);
    const after = await storageState(second);
    expect(after.localKeys).toEqual(before.localKeys);
    expect(after.local).toBe(before.local);
    // …but the key did not.
    expect(after.sessionKeys).not.toContain("vaultKey");
    // The user sees a locked vault: the popup asks for the master password.
    const demo = await second.goto(IAMOFFICE_URL);
    const popup = await second.openPopup({ over: demo });
    await waitForButton(popup, "Unlock");
    expect(await hasLabel(popup, "Master password")).toBe(true);
    expect(await hasButton(popup, "Create the master password")).toBe(false);
    expect(await hasButton(popup, new RegExp(`^${ENTRY.name}\\b`))).toBe(false);
    // The master password opens the same workspace.
    await submitUnlock(popup, MASTER);
    await waitForButton(popup, new RegExp(`^${ENTRY.name}\\b`), { timeout: 30_000 });
  });
});
