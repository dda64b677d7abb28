// The options page creates the vault, adds/edits/deletes workspaces
// (the popup follows), changes a setting that visibly takes effect on IamOffice, exports an
// encrypted backup that survives erasing the vault, refuses altered backups without touching
// the vault, merges an older backup without bringing back an older password, and rescues
// passwords from bookmarks and pasted addresses (asking when a password may go on after `&`).
// Tests share one browser and run in order.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CDPSession, Page } from "puppeteer-core";
import { afterAll, expect, it } from "vitest";
import { extensionSnapshotPath } from "../../scripts/lib/browsers.mjs";
import {
  clickButton,
  contentScriptMarker,
  demoState,
  describeEachBrowser,
  fillByLabels,
  findByLabel,
  IAMOFFICE_URL,
  valuesByLabels,
  waitForLoadSettled,
} from "./harness";
import {
  type Account,
  chooseFile,
  clickButtonIn,
  clickToLogIn,
  createVault,
  focusedName,
  MASTER,
  popupEntries,
  storedVault,
  until,
  visibleText,
  waitForButton,
  waitForDownload,
  waitForField,
  waitForLoggedInAs,
  waitForNoText,
  waitForPopupList,
  waitForText,
  workspaceRows,
  openPopup,
} from "./ui-flows";
import { clickWhenReady } from "./flows";

const ACME: Account = {
  name: "Acme",
  workspace: "acme",
  identifier: "marie.dupont",
  password: "pw-acme-1",
};
const ACME_EDITED: Account = {
  ...ACME,
  name: "Acme SARL",
  identifier: "marie.d",
  password: "pw!acme 2",
};
const BETA: Account = {
  name: "Beta Conseil",
  workspace: "beta",
  identifier: "jean.martin",
  password: "pw-beta-2",
};
const GAMMA: Account = { name: "", workspace: "gamma", identifier: "g.user", password: "pw-gamma" };
const SECOND_MASTER = "another long passphrase for the new vault";
const ENTRY_LABELS = ["Name", "Workspace", "Identifier", "Password"];

// Downloads land in a directory per browser: Firefox learns it from its prefs at launch,
// Chromium through CDP (Browser.setDownloadBehavior) once the options page is open.
const work = mkdtempSync(join(tmpdir(), "iamoffice-e2e-options-"));
const downloadDir = (browser: string) => join(work, `downloads-${browser}`);
mkdirSync(downloadDir("firefox"));
mkdirSync(downloadDir("chromium"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The optional `bookmarks` permission. permissions.request() still runs from a real click (a
// call without a user gesture is refused), but the browser's "Allow?" dialog must be answered:
// - Firefox: Mozilla's test pref extensions.webextOptionalPermissionPrompts=false says yes.
// - Chromium: no protocol command or switch answers its dialog, but Chromium asks nothing for a
//   permission the user granted before (ExtensionPrefs' runtime-granted set). So the profile
//   starts with that grant, seeded in Default/Preferences under the extension's id, which for
//   an unpacked extension is derived from its path: the harness's copy inside the profile.
//   (Each engine runs this file in a worker of its own, with its own `work` directory.)
const profile = join(work, "profile");
const chromiumId = [
  ...createHash("sha256").update(extensionSnapshotPath(profile)).digest("hex").slice(0, 32),
]
  .map((c) => String.fromCharCode(97 + parseInt(c, 16)))
  .join("");
mkdirSync(join(profile, "Default"), { recursive: true });
writeFileSync(
  join(profile, "Default", "Preferences"),
  JSON.stringify({
    extensions: {
      settings: {
        [chromiumId]: {
          runtime_granted_permissions: {
            api: ["bookmarks"],
            explicit_host: [],
            manifest_permissions: [],
            scriptable_host: [],
          },
        },
      },
    },
  }),
);

const ELSEWHERE = "https://evil.test/elsewhere";

describeEachBrowser(
  "options page",
  (h, name) => {
    let options: Page | undefined;
    let exported = "";

    /** The options tab, in front (Chromium does not render, nor take clicks in, a hidden tab). */
    const page = async (): Promise<Page> => {
      if (!options) throw new Error("the options page is opened by the first test");
      await options.bringToFront();
      return options;
    };

    /** The popup as the user would open it now, over a tab that is not IamOffice. */
    const popup = async (): Promise<Page> => {
      h.site.page("evil.test", "/elsewhere", "<title>Elsewhere</title><p>Another site</p>");
      return openPopup(h, await h.goto(ELSEWHERE));
    };

    const addWorkspace = async (o: Page, button: string, account: Account) => {
      await clickButton(o, button);
      await waitForField(o, "Workspace");
      await fillByLabels(o, {
        Name: account.name,
        Workspace: account.workspace,
        Identifier: account.identifier,
        Password: account.password,
      });
      await clickButton(o, "Save");
      await waitForText(o, `“${account.name || account.workspace}” saved.`);
    };

    it("first run: creates the vault, then offers to add a workspace or import", async () => {
      options = await createVault(h);
      const text = await visibleText(options);
      expect(text).toContain("Add your first workspace");
      expect(text).toContain("Import a backup");
      expect(text).toContain("No workspace saved yet.");
      // The popup is unlocked too (same session), with nothing to list yet.
      const p = await popup();
      await waitForText(p, "No workspace saved yet.");
      expect(await findByLabel(p, "Master password")).toBeNull();
    });

    it("adds a workspace; the table and the popup list it", async () => {
      const o = await page();
      await addWorkspace(o, "Add your first workspace", ACME);
      expect(await workspaceRows(o)).toEqual([
        [ACME.name, ACME.workspace, ACME.identifier, "Never"],
      ]);
      expect(await visibleText(o)).not.toContain(ACME.password);
      expect(await waitForPopupList(await popup())).toEqual([
        `${ACME.name} ${ACME.workspace} · ${ACME.identifier}`,
      ]);
    });

    it("keyboard only: adds a workspace with Tab, typing and Enter", async () => {
      const o = await page();
      // From wherever the focus is (saving the previous entry put it back on "Add workspace";
      // Shift+Tab leaves it), Tab through the page to "Add workspace", as a keyboard user would. Past the end of the
      // page Firefox moves the focus into its own toolbar (the page keeps an activeElement but
      // loses the focus), and further Tabs come back to the page.
      const reached = async () =>
        (await focusedName(o)) === "Add workspace" && (await o.evaluate(() => document.hasFocus()));
      await o.keyboard.down("Shift");
      await o.keyboard.press("Tab");
      await o.keyboard.up("Shift");
      let presses = 0;
      while (!(await reached())) {
        if (++presses > 100) throw new Error("Tab never reached Add workspace");
        await o.keyboard.press("Tab");
      }
      await o.keyboard.press("Enter");
      // The new form takes the focus on its first field to fill.
      await until(async () => (await focusedName(o)) === "Workspace", "focus on Workspace");
      await o.keyboard.type(BETA.workspace);
      await o.keyboard.press("Tab");
      await o.keyboard.type(BETA.identifier);
      await o.keyboard.press("Tab");
      await o.keyboard.type(BETA.password);
      await o.keyboard.press("Enter");
      await waitForText(o, `“${BETA.workspace}” saved.`);
      expect(await workspaceRows(o)).toEqual([
        [ACME.name, ACME.workspace, ACME.identifier, "Never"],
        [BETA.workspace, BETA.workspace, BETA.identifier, "Never"],
      ]);
    });

    it("edits a workspace; the popup shows it and logs in with the new values", async () => {
      const o = await page();
      await clickButton(o, `Edit ${ACME.name}`);
      await waitForText(o, `Edit “${ACME.name}”`);
      expect(await valuesByLabels(o, ENTRY_LABELS)).toEqual({
        Name: ACME.name,
        Workspace: ACME.workspace,
        Identifier: ACME.identifier,
        Password: ACME.password,
      });
      await fillByLabels(o, {
        Name: ACME_EDITED.name,
        Identifier: ACME_EDITED.identifier,
        Password: ACME_EDITED.password,
      });
      await clickButton(o, "Save");
      await waitForText(o, `“${ACME_EDITED.name}” saved.`);
      expect(await workspaceRows(o)).toContainEqual([
        ACME_EDITED.name,
        ACME_EDITED.workspace,
        ACME_EDITED.identifier,
        "Never",
      ]);
      expect((await workspaceRows(o)).flat()).not.toContain(ACME.name);

      const demo = await h.goto(IAMOFFICE_URL);
      const p = await openPopup(h, demo);
      const entries = await waitForPopupList(p, 2);
      expect(entries).toContain(
        `${ACME_EDITED.name} ${ACME_EDITED.workspace} · ${ACME_EDITED.identifier}`,
      );
      await clickToLogIn(p, /^Acme SARL\b/);
      await waitForLoggedInAs(demo, ACME_EDITED.identifier);
      expect((await demoState(demo)).submitted).toEqual({
        workspace: ACME_EDITED.workspace,
        identifier: ACME_EDITED.identifier,
        password: ACME_EDITED.password,
      });
    });

    it("deletes only after confirmation, Undo brings it back, and the popup follows", async () => {
      const o = await page();
      const question = `Delete “${BETA.workspace}”?`;
      await clickButton(o, `Delete ${BETA.workspace}`);
      await waitForText(o, question);
      await clickButtonIn(o, question, "Cancel");
      await waitForNoText(o, question);
      expect(await workspaceRows(o)).toHaveLength(2);

      await clickButton(o, `Delete ${BETA.workspace}`);
      await clickButtonIn(o, question, "Delete");
      await waitForText(o, `“${BETA.workspace}” deleted.`);
      expect((await workspaceRows(o)).map((r) => r[0])).toEqual([ACME_EDITED.name]);
      await clickButton(o, "Undo");
      await waitForText(o, `“${BETA.workspace}” restored.`);
      expect((await workspaceRows(o)).map((r) => r[0])).toEqual([ACME_EDITED.name, BETA.workspace]);
      expect(await waitForPopupList(await popup(), 2)).toContain(
        `${BETA.workspace} ${BETA.workspace} · ${BETA.identifier}`,
      );

      // Deleted for good this time: the popup no longer lists it.
      const again = await page();
      await clickButton(again, `Delete ${BETA.workspace}`);
      await clickButtonIn(again, question, "Delete");
      await waitForText(again, `“${BETA.workspace}” deleted.`);
      expect(await waitForPopupList(await popup(), 1)).toEqual([
        `${ACME_EDITED.name} ${ACME_EDITED.workspace} · ${ACME_EDITED.identifier}`,
      ]);
    });

    it("a setting takes effect: with autofill on load off, IamOffice is not filled", async () => {
      const fields = ["Espace de travail", "Identifiant", "Mot de passe"];
      const filled = {
        "Espace de travail": ACME_EDITED.workspace,
        Identifiant: ACME_EDITED.identifier,
        "Mot de passe": ACME_EDITED.password,
      };
      // Control: by default the only saved workspace is filled as soon as the window shows.
      const demo = await h.goto(IAMOFFICE_URL);
      await until(
        async () => JSON.stringify(await valuesByLabels(demo, fields)) === JSON.stringify(filled),
        "the default autofill",
      );

      const o = await page();
      const box = await waitForField(o, "Fill the login window as soon as it appears");
      expect(await box.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);
      await box.click();
      await waitForText(o, "Setting saved.");
      expect(await box.evaluate((el) => (el as HTMLInputElement).checked)).toBe(false);

      const again = await h.goto(IAMOFFICE_URL);
      await waitForLoadSettled(again, 1500);
      expect(await contentScriptMarker(again)).toBe("ready"); // it ran, and chose not to fill
      expect(await valuesByLabels(again, fields)).toEqual({
        "Espace de travail": "",
        Identifiant: "",
        "Mot de passe": "",
      });
      expect((await demoState(again)).loggedIn).toBe(false);
    });

    it("exports an encrypted backup; after erasing the vault, importing it restores everything", async () => {
      let o = await page();
      await addWorkspace(o, "Add workspace", GAMMA);
      const dir = downloadDir(name);
      let cdp: CDPSession | undefined;
      for (const f of readdirSync(dir)) rmSync(join(dir, f));
      if (name === "chromium") {
        // Browser-wide, and only while this session stays attached (detaching resets it).
        cdp = await h.browser.target().createCDPSession();
        await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: dir });
      }
      await fillByLabels(o, {
        "Export password (your master password or another one)": MASTER,
        "Confirm export password": MASTER,
      });
      await clickButton(o, "Export");
      await waitForText(o, /Backup saved as iamoffice-login-backup-\d{4}-\d\d-\d\d\.json\./);
      const file = await waitForDownload(dir, /^iamoffice-login-backup-\d{4}-\d\d-\d\d\.json$/);
      await cdp?.detach();
      exported = readFileSync(file, "utf8");
      for (const secret of [ACME_EDITED.password, GAMMA.password, ACME_EDITED.identifier]) {
        expect(exported).not.toContain(secret);
      }

      // Erase: the typed word is required, then the page is back to the first run.
      await fillByLabels(o, { "Type RESET to confirm": "RESET" });
      await clickButton(o, "Erase the vault");
      await waitForText(o, "Create your vault");
      await waitForText(await popup(), "Create the master password");
      await o.close();

      o = options = await createVault(h, SECOND_MASTER);
      expect(await workspaceRows(o)).toEqual([]);
      await chooseFile(o, "Backup file", file);
      await fillByLabels(o, { "Backup password": MASTER });
      await clickButton(o, "Import");
      await waitForText(o, "Import done: 2 added, 0 updated, 0 skipped.", 20_000);
      expect(await workspaceRows(o)).toEqual([
        [ACME_EDITED.name, ACME_EDITED.workspace, ACME_EDITED.identifier, expect.any(String)],
        [GAMMA.workspace, GAMMA.workspace, GAMMA.identifier, "Never"],
      ]);
      // The passwords came back too.
      await clickButton(o, `Edit ${ACME_EDITED.name}`);
      await waitForText(o, `Edit “${ACME_EDITED.name}”`);
      expect((await valuesByLabels(o, ["Password"])).Password).toBe(ACME_EDITED.password);
      await clickButton(o, "Cancel");
      expect(await waitForPopupList(await popup(), 2)).toEqual([
        `${ACME_EDITED.name} ${ACME_EDITED.workspace} · ${ACME_EDITED.identifier}`,
        `${GAMMA.workspace} ${GAMMA.workspace} · ${GAMMA.identifier}`,
      ]);
    });

    it("refuses an altered or cut-off backup with a clear message, vault unchanged", async () => {
      if (!exported) throw new Error("needs the export of the previous test");
      const o = await page();
      const vaultBefore = await storedVault(h);
      const rowsBefore = await workspaceRows(o);
      const backup = JSON.parse(exported) as { ciphertext: string; iv: string; createdAt: number };
      const flipped = (text: string, at: number) =>
        text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
      // AES-GCM cannot tell an edited ciphertext or header from a wrong password: the message
      // says both. A file whose structure was edited is named as altered.
      const wrongOrAltered =
        "Wrong password, or the backup file has been altered. Nothing was imported.";
      const merge = "Merge: add the backup’s workspaces to mine";
      const cases = [
        {
          what: "one byte of the ciphertext changed",
          text: JSON.stringify({ ...backup, ciphertext: flipped(backup.ciphertext, 20) }),
          mode: merge,
          message: wrongOrAltered,
        },
        {
          what: "its date changed (authenticated header), imported in Replace mode",
          text: JSON.stringify({ ...backup, createdAt: backup.createdAt + 1 }),
          mode: "Replace: keep only the backup’s workspaces",
          message: wrongOrAltered,
        },
        {
          what: "its IV cut short",
          text: JSON.stringify({ ...backup, iv: backup.iv.slice(4) }),
          mode: merge,
          message: "This backup has been altered and cannot be trusted. Nothing was imported.",
        },
        {
          what: "cut off halfway",
          text: exported.slice(0, Math.floor(exported.length / 2)),
          mode: merge,
          message: "This backup file is incomplete (it was cut off).",
        },
      ];
      for (const [i, c] of cases.entries()) {
        const path = join(work, `bad-backup-${name}-${i}.json`);
        writeFileSync(path, c.text);
        await chooseFile(o, "Backup file", path);
        await waitForNoText(o, c.message); // choosing a file clears the previous outcome
        // From here on the keyboard, not the mouse. In Firefox, setting a file (BiDi
        // input.setFiles) takes the window focus away from the page, and each later click in
        // that tab gets slower (1 s, 4 s, 16 s, 60 s…). Give the focus back, then type.
        await o.bringToFront();
        const password = await waitForField(o, "Backup password");
        await password.focus();
        await password.evaluate((el) => (el as HTMLInputElement).select());
        await o.keyboard.type(MASTER);
        const mode = await waitForField(o, c.mode);
        await mode.focus();
        await o.keyboard.press(" ");
        expect(await mode.evaluate((el) => (el as HTMLInputElement).checked), c.what).toBe(true);
        await mode.dispose();
        await password.focus();
        await o.keyboard.press("Enter"); // submits the import form
        await password.dispose();
        if (c.mode.startsWith("Replace")) {
          // Asked again; the confirming button has the focus, Enter says yes.
          const question = `Replace your ${rowsBefore.length} saved workspaces with the backup’s content? This cannot be undone.`;
          await waitForText(o, question);
          await until(
            async () => (await focusedName(o)) === "Replace my workspaces",
            "focus on Replace my workspaces",
          );
          await o.keyboard.press("Enter");
        }
        const text = await waitForText(o, c.message, 20_000);
        expect(text, c.what).not.toContain("Import done");
        expect(await workspaceRows(o), c.what).toEqual(rowsBefore);
        expect(await storedVault(h), c.what).toBe(vaultBefore);
      }
      expect(await waitForPopupList(await popup())).toHaveLength(rowsBefore.length);
    }, 120_000);

    it("rescue: imports a bookmark holding a password and removes the password from it", async () => {
      // A fresh options tab: the old one carries the Firefox file-input slowdown (above).
      await options?.close();
      const o = (options = await h.openOptions());
      await waitForText(o, "Find bookmarks with passwords");
      if (name === "chromium")
        expect(h.extensionId, "the id the profile was seeded for").toBe(chromiumId);
      expect(await h.evalInExtension((browser) => browser.permissions.getAll())).not.toEqual(
        // Vitest types its asymmetric matchers `any`.
        expect.objectContaining({ permissions: expect.arrayContaining(["bookmarks"]) as unknown }),
      );
      // The first click asks for the permission (granted), and finds nothing yet.
      await clickButton(o, "Find bookmarks with passwords");
      await waitForText(o, "Bookmarks holding an IamOffice password: 0.");
      const url = `${IAMOFFICE_URL}#${BETA.workspace}&login=${BETA.identifier}&password=${BETA.password}`;
      const ids = await h.evalInExtension(
        async (browser, withPassword: string, others: string[]) => {
          const made = await browser.bookmarks.create({
            title: "IamOffice Beta",
            url: withPassword,
          });
          for (const other of others)
            await browser.bookmarks.create({ title: "other", url: other });
          return made.id;
        },
        url,
        [
          `${IAMOFFICE_URL}#gamma&login=g.user`, // no password: nothing to rescue
          `https://soft.iamoffice.net.evil.test/#x&login=y&password=z`, // not IamOffice
        ],
      );

      await clickButton(o, "Find bookmarks with passwords");
      await waitForText(o, "Bookmarks holding an IamOffice password: 1.");
      const text = await visibleText(o);
      expect(text).toContain("IamOffice Beta");
      expect(text).toContain(`${BETA.workspace} · ${BETA.identifier}`);
      expect(text).not.toContain(BETA.password);

      await clickButton(o, "Import the selected bookmarks (1)");
      const rows = await until(async () => {
        const all = await workspaceRows(o);
        return all.some((r) => r[0] === "IamOffice Beta") ? all : null;
      }, "the rescued workspace in the table");
      expect(rows.map((r) => r.slice(0, 3))).toContainEqual([
        "IamOffice Beta",
        BETA.workspace,
        BETA.identifier,
      ]);
      // Nothing changed in the bookmark until the user asks.
      const before = await h.evalInExtension(
        async (browser, id: string) => (await browser.bookmarks.get(id))[0]?.url,
        ids,
      );
      expect(before).toBe(url);
      // Offered once the vault, read back after the save, holds that exact password.
      await clickWhenReady(o, "Remove the password from the bookmark");
      await waitForText(o, "Password removed from the bookmark.");
      const after = await h.evalInExtension(
        async (browser, id: string) => (await browser.bookmarks.get(id))[0]?.url,
        ids,
      );
      expect(after).toBe(`${IAMOFFICE_URL}#${BETA.workspace}&login=${BETA.identifier}`);

      // The rescued entry logs in with the password that was in the bookmark.
      const demo = await h.goto(IAMOFFICE_URL);
      const p = await openPopup(h, demo);
      await waitForPopupList(p);
      expect(await popupEntries(p)).toContain(
        `IamOffice Beta ${BETA.workspace} · ${BETA.identifier}`,
      );
      await clickToLogIn(p, /^IamOffice Beta\b/);
      await waitForLoggedInAs(demo, BETA.identifier);
      expect((await demoState(demo)).submitted).toEqual({
        workspace: BETA.workspace,
        identifier: BETA.identifier,
        password: BETA.password,
      });
    });

    it("merge: importing an export older than a password change keeps the new password, and says so", async () => {
      // A fresh options tab: the old one carries the Firefox file-input slowdown (above).
      await options?.close();
      let o = (options = await h.openOptions());
      await waitForField(o, "Export password (your master password or another one)");
      const dir = downloadDir(name);
      for (const f of readdirSync(dir)) rmSync(join(dir, f));
      let cdp: CDPSession | undefined;
      if (name === "chromium") {
        cdp = await h.browser.target().createCDPSession();
        await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: dir });
      }
      await fillByLabels(o, {
        "Export password (your master password or another one)": MASTER,
        "Confirm export password": MASTER,
      });
      await clickButton(o, "Export");
      await waitForText(o, /Backup saved as iamoffice-login-backup-\d{4}-\d\d-\d\d\.json\./);
      const file = await waitForDownload(dir, /^iamoffice-login-backup-\d{4}-\d\d-\d\d\.json$/);
      await cdp?.detach();
      const rowsBefore = await workspaceRows(o);

      // After the export, the user changes a password.
      const changed = "pw-gamma-changed-after-export";
      await clickButton(o, `Edit ${GAMMA.workspace}`);
      await waitForText(o, `Edit “${GAMMA.workspace}”`);
      await fillByLabels(o, { Password: changed });
      await clickButton(o, "Save");
      await waitForText(o, `“${GAMMA.workspace}” saved.`);

      // Then imports that export with the default, Merge (keyboard: see the Firefox note above).
      await chooseFile(o, "Backup file", file);
      await o.bringToFront();
      const password = await waitForField(o, "Backup password");
      await password.focus();
      await o.keyboard.type(MASTER);
      const merge = await waitForField(o, "Merge: add the backup’s workspaces to mine");
      expect(await merge.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);
      await merge.dispose();
      await o.keyboard.press("Enter");
      await password.dispose();
      const text = await waitForText(
        o,
        `Import done: 0 added, 0 updated, ${rowsBefore.length} skipped.`,
        20_000,
      );
      expect(text).toContain(
        `${GAMMA.workspace} (${GAMMA.workspace} · ${GAMMA.identifier}): kept yours, newer than the backup’s.`,
      );
      expect(await workspaceRows(o)).toHaveLength(rowsBefore.length);

      // The password in the vault is the one changed after the export.
      await o.close();
      o = options = await h.openOptions();
      await waitForButton(o, `Edit ${GAMMA.workspace}`);
      await clickButton(o, `Edit ${GAMMA.workspace}`);
      await waitForText(o, `Edit “${GAMMA.workspace}”`);
      expect((await valuesByLabels(o, ["Password"])).Password).toBe(changed);
      await clickButton(o, "Cancel");
    }, 120_000);

    it("rescue: a pasted address whose password may go on after & is saved only as the user picks", async () => {
      const o = await page();
      const password = "Tr0ub&dor=4x";
      const delta = { workspace: "delta", identifier: "d.user" };
      await fillByLabels(o, {
        "IamOffice addresses": `${IAMOFFICE_URL}#${delta.workspace}&login=${delta.identifier}&password=${password}`,
      });
      await waitForText(o, "Which one is the password? The address goes on after it:");
      const short = await waitForField(o, "Tr0ub");
      const long = await waitForField(o, password);
      expect(await short.evaluate((el) => (el as HTMLInputElement).checked)).toBe(false);
      expect(await long.evaluate((el) => (el as HTMLInputElement).checked)).toBe(false);

      // Importing before choosing saves nothing.
      await clickButton(o, "Import selected (1)");
      await waitForText(o, "Choose the password first.");
      expect((await workspaceRows(o)).map((r) => r[1])).not.toContain(delta.workspace);

      // The user picks the whole text, and it is saved whole.
      await long.click();
      await clickButton(o, "Import selected (1)");
      await waitForText(o, "1 imported, 0 not imported.");
      await until(
        async () => (await workspaceRows(o)).some((r) => r[1] === delta.workspace),
        "the rescued workspace in the table",
      );
      await short.dispose();
      await long.dispose();
      await clickButton(o, `Edit ${delta.workspace}`);
      await waitForText(o, `Edit “${delta.workspace}”`);
      expect(await valuesByLabels(o, ["Identifier", "Password"])).toEqual({
        Identifier: delta.identifier,
        Password: password,
      });
      await clickButton(o, "Cancel");
    });
  },
  {
    firefoxPrefs: {
      "browser.download.folderList": 2,
      "browser.download.dir": downloadDir("firefox"),
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.download.start_downloads_in_tmp_dir": false,
      "browser.download.alwaysOpenPanel": false,
      "extensions.webextOptionalPermissionPrompts": false,
    },
    userDataDir: profile,
  },
);
