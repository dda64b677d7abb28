// End to end: the encrypted vault, as a user drives it through the options page and
// the popup, and what an attacker with the profile on disk or a script in the IamOffice page
// could read. The tests share one browser and one vault, in order: create → inspect storage →
// key reachability → service-worker restart → an old bookmark's password → lock → wrong password
// → change password.
// A real browser restart needs a second launch on the same profile: vault-restart.test.ts.
// Chromium-only cases: the service-worker restart (Firefox runs an event page, which the
// harness cannot stop on demand) and the content-script world probe (Firefox does not expose
// extension content-script sandboxes to WebDriver BiDi; there, only the page world is checked).
import type { Page } from "puppeteer-core";
import { describe, expect, it } from "vitest";
import {
  IAMOFFICE_URL,
  describeEachBrowser,
  fillByLabels,
  valuesByLabels,
  type Harness,
} from "./harness";
import {
  addWorkspace,
  clickWhenReady,
  createVault,
  eventually,
  hasButton,
  hasLabel,
  lockOptions,
  submitUnlock,
  unlockOptions,
  visibleText,
  waitForButton,
  waitForText,
  type Workspace,
} from "./flows";
import { dumpExtensionStorage, encodingsOf, findSecret, type AreaDump } from "./secret-scan";
import { contentScriptStorageSession } from "./content-world";

const MASTER = "Quatre chevaux bleus dansent 42";
const NEW_MASTER = "Sept girafes lisent Proust 1987";
const ENTRY: Workspace = {
  name: "Cabinet Lumière",
  workspace: "cabinet-lumiere-7342",
  identifier: "marie.dupont.7342",
  password: "Vx9#kp-Été-soleil-$7342",
};

/** storage.session as one dump for the secret scanner. */
async function sessionDump(h: Harness): Promise<AreaDump[]> {
  const all = await h.evalInExtension((browser) => browser.storage.session.get(null));
  return [{ area: "storage.session", strings: [JSON.stringify(all)], binaries: [], opaque: [] }];
}

/** The tabs the background keeps page state for. */
async function sessionTabs(h: Harness): Promise<string[]> {
  const all = await h.evalInExtension((browser) => browser.storage.session.get("tabs"));
  return Object.keys((all as { tabs?: Record<string, unknown> }).tabs ?? {});
}

/** The vault key while unlocked, as an extension page reads it (base64 of 32 bytes), or null. */
function sessionKey(h: Harness): Promise<string | null> {
  return h.evalInExtension(async (browser) => {
    const all = await browser.storage.session.get(null);
    const key = all.vaultKey;
    return typeof key === "string" ? key : null;
  });
}

describe("secret scanner (self-check: the storage test can fail)", () => {
  const secret = "Vx9#kp-Été-soleil-$7342";
  const dumpOf = (strings: string[], binaries: string[] = []): AreaDump[] => [
    { area: "x", strings, binaries, opaque: [] },
  ];
  const utf16 = Buffer.from(secret, "utf16le");
  const cases: [string, AreaDump[]][] = [
    ["plain inside JSON", dumpOf([`{"p":"${secret}"}`])],
    ["base64 of UTF-8, offset 1", dumpOf([Buffer.from(`x${secret}yz`).toString("base64")])],
    [
      "base64 of UTF-16 LE, offset 2",
      dumpOf([Buffer.concat([Buffer.from("ab"), utf16]).toString("base64")]),
    ],
    ["hex of UTF-16 LE", dumpOf([utf16.toString("hex")])],
    [
      "raw UTF-16 LE bytes",
      dumpOf([], [Buffer.concat([Buffer.from([1, 2, 3]), utf16]).toString("base64")]),
    ],
    ["UTF-16 LE as a byte string", dumpOf([utf16.toString("latin1")])],
    ["upper-case hex of UTF-8", dumpOf([Buffer.from(secret).toString("hex").toUpperCase()])],
  ];
  it.each(cases)("finds the secret stored as %s", (_name, dumps) => {
    expect(findSecret(dumps, secret)).not.toEqual([]);
  });
  it("finds nothing in unrelated data", () => {
    expect(findSecret(dumpOf(["hello", "c29tZXRoaW5n"]), secret)).toEqual([]);
    expect(encodingsOf(secret).length).toBeGreaterThan(20);
  });
});

describeEachBrowser("vault", (h, name) => {
  let options: Page;
  /** The vault key read while unlocked, to look for it elsewhere. */
  let keyWhileUnlocked: string | null = null;

  /** The options page (reopened if a test closed it), in front. */
  const optionsPage = async (): Promise<Page> => {
    if (!options || options.isClosed()) options = await h.openOptions();
    await options.bringToFront();
    return options;
  };

  it("creates the vault and saves a workspace through the options page", async () => {
    options = await createVault(h, MASTER);
    await addWorkspace(options, ENTRY);
    const text = await visibleText(options);
    expect(text).toContain(ENTRY.name);
    expect(text).toContain(ENTRY.workspace);
    expect(text).toContain(ENTRY.identifier);
    // The table shows no password.
    expect(text).not.toContain(ENTRY.password);
  });

  it("leaves none of the workspace, identifier or password readable in storage.local, storage.sync, IndexedDB or Web Storage", async () => {
    const dumps = await dumpExtensionStorage(h);
    // The dump really reads the saved vault: storage.local is not empty.
    const local = dumps.find((d) => d.area === "storage.local");
    expect(local?.strings.join("").length ?? 0).toBeGreaterThan(200);
    for (const secret of [ENTRY.workspace, ENTRY.identifier, ENTRY.password, MASTER]) {
      expect(findSecret(dumps, secret), `"${secret}" found in storage`).toEqual([]);
    }
    // The vault key itself is only in storage.session, never on disk.
    keyWhileUnlocked = await sessionKey(h);
    expect(keyWhileUnlocked, "vault key in storage.session while unlocked").toMatch(
      /^[A-Za-z0-9+/=_-]{40,}$/,
    );
    if (keyWhileUnlocked) {
      const keyBytes = Buffer.from(keyWhileUnlocked, "base64");
      expect(findSecret(dumps, keyWhileUnlocked)).toEqual([]);
      expect(findSecret(dumps, keyBytes)).toEqual([]);
    }
    // No persisted CryptoKey either (a non-extractable key in IndexedDB is a key on disk).
    expect(dumps.flatMap((d) => d.opaque)).toEqual([]);
  });

  it("shows the session key to extension pages, not to the IamOffice page", async () => {
    // Extension page: sees it (this is what the popup and options page rely on).
    expect(await sessionKey(h)).toBe(keyWhileUnlocked);
    // The IamOffice page's own scripts (the page world) have no extension storage at all.
    const page = await h.goto(IAMOFFICE_URL);
    await page.waitForFunction(() => document.documentElement.dataset.iamofficeLogin === "ready");
    const pageWorld = await page.evaluate(() => {
      const g = globalThis as { chrome?: { storage?: unknown }; browser?: unknown };
      return { chromeStorage: typeof g.chrome?.storage, browser: typeof g.browser };
    });
    expect(pageWorld).toEqual({ chromeStorage: "undefined", browser: "undefined" });
  });

  it.runIf(name === "chromium")(
    "Chromium: our content script's storage.session.get gets nothing (Firefox: content-script worlds are out of WebDriver's reach)",
    async () => {
      const page = await h.goto(IAMOFFICE_URL);
      await page.waitForFunction(() => document.documentElement.dataset.iamofficeLogin === "ready");
      const r = await contentScriptStorageSession(page, h.extensionOrigin);
      // It really is our content script's world…
      expect(r.runtimeId).toBe(h.extensionId);
      // …and it gets no data: the call is refused or answers nothing.
      expect(r.keys).toEqual([]);
      expect(JSON.stringify(r)).not.toContain(keyWhileUnlocked ?? "no key");
    },
  );

  it.runIf(name === "chromium")(
    "Chromium: a service-worker restart keeps the vault unlocked (the popup lists the workspace without asking)",
    async () => {
      await h.wakeServiceWorker();
      await h.stopServiceWorker();
      expect(h.isServiceWorkerRunning()).toBe(false);
      const demo = await h.goto(IAMOFFICE_URL);
      const popup = await h.openPopup({ over: demo });
      try {
        await waitForButton(popup, new RegExp(`^${ENTRY.name}\\b`));
        expect(await hasLabel(popup, "Master password")).toBe(false);
        expect(h.isServiceWorkerRunning()).toBe(true);
      } finally {
        await popup.close();
      }
    },
  );

  it("an old bookmark with its password: storage.session never holds the password, and once locked names no account", async () => {
    // Leave IamOffice first, so the tab's state in the session is the bookmark's page load.
    await h.goto("https://evil.test/");
    expect(
      await eventually(
        () => sessionTabs(h),
        (t) => t.length === 0,
      ),
    ).toEqual([]);
    const bookmark = `${IAMOFFICE_URL}#${ENTRY.workspace}&login=${ENTRY.identifier}&password=${encodeURIComponent(ENTRY.password)}`;
    const demo = await h.goto(bookmark);
    await demo.waitForFunction(() => document.documentElement.dataset.iamofficeLogin === "ready");
    expect(
      await eventually(
        () => sessionTabs(h),
        (t) => t.length === 1,
      ),
    ).toHaveLength(1);
    expect(findSecret(await sessionDump(h), ENTRY.password)).toEqual([]);

    const page = await optionsPage();
    await lockOptions(page);
    const locked = await sessionDump(h);
    for (const secret of [ENTRY.password, ENTRY.workspace, ENTRY.identifier]) {
      expect(findSecret(locked, secret), `"${secret}" in storage.session once locked`).toEqual([]);
    }
    // The tab itself is still known (the idle watch needs its page state).
    expect(await sessionTabs(h)).toHaveLength(1);
    await unlockOptions(page, MASTER);
  });

  it("Lock clears the key: storage.session no longer holds it and the popup asks for the master password", async () => {
    const page = await optionsPage();
    await lockOptions(page);
    expect(await sessionKey(h)).toBeNull();
    const session = await h.evalInExtension((browser) => browser.storage.session.get(null));
    expect(JSON.stringify(session)).not.toContain(keyWhileUnlocked ?? "no key");
    const demo = await h.goto(IAMOFFICE_URL);
    const popup = await h.openPopup({ over: demo });
    try {
      await waitForButton(popup, "Unlock");
      expect(await hasLabel(popup, "Master password")).toBe(true);
      expect(await hasButton(popup, new RegExp(`^${ENTRY.name}\\b`))).toBe(false);
    } finally {
      await popup.close();
    }
  });

  it("a wrong master password shows an error and changes nothing", async () => {
    const page = await optionsPage();
    const before = await h.evalInExtension((browser) => browser.storage.local.get(null));
    await submitUnlock(page, "Quatre chevaux bleus dansent 43");
    await waitForText(page, "Wrong master password.");
    // Still locked, everywhere.
    expect(await hasButton(page, "Unlock")).toBe(true);
    expect(await hasButton(page, "Add workspace")).toBe(false);
    expect(await sessionKey(h)).toBeNull();
    // The stored vault is untouched; only the failure counter (for the growing delay) moved.
    const after = await h.evalInExtension((browser) => browser.storage.local.get(null));
    const changed = Object.keys({ ...before, ...after }).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    expect(
      changed.every((k) => /throttle/i.test(k)),
      `changed: ${changed.join(", ")}`,
    ).toBe(true);
    // The right password still opens it, with the workspace.
    await unlockOptions(page, MASTER);
    expect(await visibleText(page)).toContain(ENTRY.name);
    expect(await sessionKey(h)).toBe(keyWhileUnlocked);
  });

  it("changes the master password in Security: a wrong current one is refused, then the old one stops working and the new one opens the same workspaces", async () => {
    const page = await optionsPage();
    // Wrong current password: an error on the form, nothing changed.
    await fillByLabels(page, {
      "Current master password": "not my master password",
      "New master password": NEW_MASTER,
      "Confirm new master password": NEW_MASTER,
    });
    await clickWhenReady(page, "Change master password");
    await waitForText(page, "Wrong master password.");
    expect(await visibleText(page)).not.toContain("Master password changed.");

    await fillByLabels(page, {
      "Current master password": MASTER,
      "New master password": NEW_MASTER,
      "Confirm new master password": NEW_MASTER,
    });
    await clickWhenReady(page, "Change master password");
    await waitForText(page, "Master password changed.", { timeout: 30_000 });
    // Still unlocked, under a NEW vault key: every workspace was re-encrypted under it, so an
    // old copy of the profile opened with the old password reads nothing written from now on.
    const newKey = await sessionKey(h);
    expect(newKey, "a vault key in storage.session after the change").toMatch(
      /^[A-Za-z0-9+/=_-]{40,}$/,
    );
    expect(newKey).not.toBe(keyWhileUnlocked);

    await lockOptions(page);
    await submitUnlock(page, MASTER);
    await waitForText(page, "Wrong master password.");
    expect(await hasButton(page, "Add workspace")).toBe(false);
    expect(await sessionKey(h)).toBeNull();

    await unlockOptions(page, NEW_MASTER);
    // The new vault key, the same workspace, the same password inside.
    expect(await sessionKey(h)).toBe(newKey);
    await clickWhenReady(page, `Edit ${ENTRY.name}`);
    await waitForText(page, `Edit “${ENTRY.name}”`);
    expect(await valuesByLabels(page, ["Workspace", "Identifier", "Password"])).toEqual({
      Workspace: ENTRY.workspace,
      Identifier: ENTRY.identifier,
      Password: ENTRY.password,
    });
    await clickWhenReady(page, "Cancel");
    // And nothing of the new master password reached the disk.
    expect(findSecret(await dumpExtensionStorage(h), NEW_MASTER)).toEqual([]);
  });

  it("emptying storage.session (what a browser restart does to it) locks the vault: no copy of the key survives in the background", async () => {
    // Not a restart (vault-restart.test.ts does the real one): this proves the background keeps
    // no key of its own in memory (the worker / Firefox's event page stays alive here).
    expect(await sessionKey(h)).not.toBeNull();
    await h.evalInExtension((browser) => browser.storage.session.clear());
    const demo = await h.goto(IAMOFFICE_URL);
    const popup = await h.openPopup({ over: demo });
    try {
      await waitForButton(popup, "Unlock");
      expect(await hasButton(popup, new RegExp(`^${ENTRY.name}\\b`))).toBe(false);
      await submitUnlock(popup, NEW_MASTER);
      await waitForButton(popup, new RegExp(`^${ENTRY.name}\\b`), { timeout: 30_000 });
    } finally {
      await popup.close();
    }
  });
});
