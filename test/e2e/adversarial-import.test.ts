// Bad imports and concurrent edits, through the options page as a user meets them.
// 11. Importing a file that is not a usable backup: each is refused with its own message, and the
//     vault is left exactly as it was. The files are made here (a 50 MB file has no place in the
//     repository); the authentic-but-invalid one is encrypted in Node with the product's own
//     exportBackup, so only its content is wrong.
// 12. Two options pages edit the same workspace: the second save is refused and the user told,
//     nothing the first one saved is lost — also when the user then saves again, and when the
//     workspace was deleted meanwhile.
import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, expect, it } from "vitest";
import { exportBackup } from "../../src/crypto/backup";
import type { Entry } from "../../src/protocol";
import {
  type Harness,
  clickButton,
  describeEachBrowser,
  fillByLabels,
  findByLabel,
} from "./harness";
import { waitForButton, waitForLabel, waitForText } from "./flows";
import {
  ACME,
  BETA,
  bodyText,
  en,
  getLocal,
  listEntries,
  seedVault,
  send,
  until,
} from "./adversarial-flows";

const BACKUP_PASSWORD = "Sauvegarde§pw-3Hn8";
const dir = mkdtempSync(join(tmpdir(), "iamoffice-e2e-imports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MSG = {
  notOurs: en("err_backup_not_ours"),
  truncated: en("err_backup_truncated"),
  future: en("err_backup_future_version"),
  tooLarge: en("err_backup_too_large"),
  tampered: en("err_backup_tampered"),
  invalid: en("err_backup_invalid_entries"),
  wrongPassword: en("err_backup_wrong_password"),
  weakKdf: en("err_kdf_too_weak"),
  stale: en("err_stale_revision"),
  notFound: en("err_not_found"),
};

const entry = (over: Partial<Entry>): Entry => ({
  id: "import-1",
  name: "Gamma",
  workspace: "gamma",
  identifier: "g.user",
  password: "Pw§gamma-1",
  createdAt: 1,
  updatedAt: 1,
  lastUsedAt: null,
  ...over,
});

/** Writes the test files; returns name → path. */
async function makeFiles(): Promise<Record<string, string>> {
  const valid = await exportBackup([entry({})], BACKUP_PASSWORD, 1_767_398_400_000);
  const file = JSON.parse(valid) as Record<string, unknown> & { kdf: Record<string, unknown> };
  const invalid = await exportBackup(
    [entry({ workspace: "gam\u0000ma" })],
    BACKUP_PASSWORD,
    1_767_398_400_000,
  );
  const files: Record<string, string> = {
    "not-json.txt": "Espace de travail;Identifiant;Mot de passe\nacme;marie;secret\n",
    "other-product.json": JSON.stringify({
      encrypted: false,
      folders: [],
      items: [{ type: 1, name: "IamOffice", login: { username: "marie", password: "x" } }],
    }),
    "truncated.json": valid.slice(0, Math.floor(valid.length / 2)),
    "future-version.json": JSON.stringify({ ...file, version: 2, kdf: { ...file.kdf, alg: "x" } }),
    "tampered.json": JSON.stringify({ ...file, iv: "AAAA" }),
    "weakened-kdf.json": JSON.stringify({ ...file, kdf: { ...file.kdf, m: 1024 } }),
    "invalid-entries.json": invalid,
    "valid.json": valid,
  };
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], text);
  }
  // 50 MB, sparse: its size is what matters (the page must refuse it before reading it).
  paths["huge.json"] = join(dir, "huge.json");
  const fd = openSync(paths["huge.json"], "w");
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  return paths;
}

async function chooseFile(options: Page, path: string): Promise<void> {
  const input = await findByLabel(options, "Backup file");
  if (!input) throw new Error("no Backup file input");
  await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
  await input.dispose();
}

/** A fresh options page on the import form (Firefox cannot reload extension pages). */
async function importForm(h: Harness): Promise<Page> {
  const options = await h.openOptions();
  await waitForLabel(options, "Backup file");
  return options;
}

describeEachBrowser("adversarial: imports and concurrent edits", (h) => {
  let files: Record<string, string> = {};

  it("sets up a vault", async () => {
    files = await makeFiles();
    await seedVault(h, { entries: [ACME, BETA] });
  });

  const CASES: [string, string, string][] = [
    ["a file that is not JSON", "not-json.txt", MSG.notOurs],
    ["another product's JSON", "other-product.json", MSG.notOurs],
    ["a truncated backup", "truncated.json", MSG.truncated],
    ["a backup from a future version", "future-version.json", MSG.future],
    ["a 50 MB file", "huge.json", MSG.tooLarge],
    ["a backup with altered fields", "tampered.json", MSG.tampered],
    ["a backup whose entries are invalid", "invalid-entries.json", MSG.invalid],
  ];

  it.each(CASES)("refuses %s with its own message, vault unchanged", async (_, name, message) => {
    const before = await getLocal(h, "vault");
    const options = await importForm(h);
    try {
      await chooseFile(options, files[name] ?? "");
      await fillByLabels(options, { "Backup password": BACKUP_PASSWORD });
      await clickButton(options, "Import");
      await waitForText(options, message, { timeout: 30_000 });
      const text = await bodyText(options);
      // Only this message: no other import verdict alongside it.
      for (const other of Object.values(MSG)) {
        if (other !== message) expect(text).not.toContain(other);
      }
      expect(text).not.toMatch(/Import done/);
      expect(await getLocal(h, "vault")).toEqual(before);
    } finally {
      await options.close();
    }
  });

  it("the refusals are told apart: one message per kind of bad file", () => {
    const kinds = new Set(CASES.map(([, , m]) => m));
    // Not JSON and another product's JSON are the same thing to the user: not our backup.
    expect(kinds.size).toBe(CASES.length - 1);
  });

  it("refuses a weakened KDF header and a wrong password, vault unchanged", async () => {
    for (const [name, password, message] of [
      ["weakened-kdf.json", BACKUP_PASSWORD, MSG.weakKdf],
      ["valid.json", "not the password", MSG.wrongPassword],
    ] as const) {
      const before = await getLocal(h, "vault");
      const options = await importForm(h);
      await chooseFile(options, files[name] ?? "");
      await fillByLabels(options, { "Backup password": password });
      await clickButton(options, "Import");
      await waitForText(options, message, { timeout: 30_000 });
      expect(await getLocal(h, "vault")).toEqual(before);
      await options.close();
    }
  });

  it("positive control: the valid backup imports", async () => {
    const options = await importForm(h);
    await chooseFile(options, files["valid.json"] ?? "");
    await fillByLabels(options, { "Backup password": BACKUP_PASSWORD });
    await clickButton(options, "Import");
    await waitForText(options, "Import done: 1 added, 0 updated, 0 skipped.", { timeout: 30_000 });
    const list = await listEntries(h);
    expect(list.ok && list.value.entries.map((e) => e.name).sort()).toEqual([
      ACME.name,
      BETA.name,
      "Gamma",
    ]);
    await options.close();
  });

  // ---------- 12. two options pages ----------

  const NEW_PASSWORD = "Pw§acme-changed-in-A";

  async function openEdit(page: Page, name: string): Promise<void> {
    await page.bringToFront();
    await waitForButton(page, `Edit ${name}`);
    await clickButton(page, `Edit ${name}`);
    await waitForText(page, `Edit “${name}”`);
  }

  async function storedEntry(id: string): Promise<{ name: string; password: string } | null> {
    const r = await send<{ ok: boolean; value?: { name: string; password: string } }>(h, {
      type: "entries.get",
      payload: { id },
    });
    return r.ok && r.value ? r.value : null;
  }

  async function idOf(name: string): Promise<string> {
    const list = await listEntries(h);
    const found = list.ok ? list.value.entries.find((e) => e.name === name) : undefined;
    if (!found) throw new Error(`no entry ${name}`);
    return found.id;
  }

  let a: Page;
  let b: Page;

  /** Waits until `page` shows one of `texts`; returns the one it shows. */
  const verdict = (page: Page, texts: string[]) =>
    until(
      `one of ${JSON.stringify(texts)}`,
      async () => {
        const t = await bodyText(page);
        return texts.find((x) => t.includes(x)) ?? null;
      },
      { timeout: 15_000 },
    );

  it("the second of two options pages saving the same workspace is told, and the first page's change is never lost", async () => {
    const id = await idOf(ACME.name);
    a = await h.openOptions();
    b = await h.openOptions();
    await openEdit(a, ACME.name);
    await openEdit(b, ACME.name);
    // A changes the password and saves.
    await a.bringToFront();
    await fillByLabels(a, { Password: NEW_PASSWORD });
    await clickButton(a, "Save");
    await waitForText(a, `“${ACME.name}” saved.`);
    // B, whose form was opened before that save, only renames, and saves.
    await b.bringToFront();
    await fillByLabels(b, { Name: "Acme (renamed in B)" });
    await clickButton(b, "Save");
    const first = await verdict(b, [MSG.stale, "” saved."]);
    expect({ told: first === MSG.stale, stored: await storedEntry(id) }).toMatchObject({
      told: true,
      stored: { name: ACME.name, password: NEW_PASSWORD },
    });
    // Told to check and save again, the user saves again: A's password must still stand.
    await clickButton(b, "Save");
    await verdict(b, [MSG.stale, "” saved."]);
    expect((await storedEntry(id))?.password).toBe(NEW_PASSWORD);
  });

  it("a workspace deleted in one page cannot be brought back by a stale edit in the other", async () => {
    const id = await idOf(BETA.name);
    await openEdit(b, BETA.name);
    // A deletes Beta (row button, then the confirmation).
    await a.bringToFront();
    await waitForButton(a, `Delete ${BETA.name}`);
    await clickButton(a, `Delete ${BETA.name}`);
    await waitForText(a, `Delete “${BETA.name}”?`);
    // The confirmation is the row's own group (role=group, named by its question).
    const confirm = await a.waitForSelector(`[role="group"][aria-label*="${BETA.name}"] button`);
    await confirm?.click();
    await until("Beta deleted", async () => (await storedEntry(id)) === null);
    // B saves its edit: refused, as stale or as gone; saved again, still gone: never resurrected.
    await b.bringToFront();
    await fillByLabels(b, { Name: "Beta (edited in B)" });
    await clickButton(b, "Save");
    if ((await verdict(b, [MSG.stale, MSG.notFound])) === MSG.stale) {
      await clickButton(b, "Save");
      await waitForText(b, MSG.notFound);
    }
    const list = await listEntries(h);
    expect(list.ok && list.value.entries.map((e) => e.name)).not.toContain("Beta (edited in B)");
    expect(list.ok && list.value.entries.some((e) => e.id === id)).toBe(false);
    await a.close();
    await b.close();
  });
});
