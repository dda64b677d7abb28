// Merge import through the background: an old backup does not bring back an old password, and
// an unclear conflict is answered before anything is written, then imported with the choice.
// Argon2id is a fast stand-in here (the real one is pinned by crypto-kat.test.ts).
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import { route } from "../../src/background/router";
import * as vault from "../../src/background/vault";
import { exportBackup } from "../../src/crypto/backup";
import type { Entry } from "../../src/protocol";
import { stubBackgroundApis } from "./background-stubs";

vi.mock("hash-wasm", async (importOriginal) => {
  const real = await importOriginal<typeof import("hash-wasm")>();
  const fake = (o: { password: Uint8Array; salt: Uint8Array }) =>
    Promise.resolve(
      new Uint8Array(createHash("sha256").update(o.password).update(o.salt).digest()),
    );
  return { ...real, argon2id: vi.fn(fake) };
});

const MASTER = "correct horse battery staple";
const BACKUP_PW = "backup password 1";
const page = { id: "test-extension-id", url: "chrome-extension://test-extension-id/options.html" };
const ACME = { name: "Acme", workspace: "ACME", identifier: "bob" };

beforeEach(async () => {
  stubBackgroundApis();
  await vault.create(MASTER, MASTER);
});

async function stored(): Promise<Entry> {
  const list = await vault.list();
  if (!list.ok || list.value.entries.length !== 1) throw new Error("one entry expected");
  const e = await vault.get(list.value.entries[0]!.id);
  if (!e.ok) throw new Error("get");
  return e.value;
}

const revision = async () => {
  const list = await vault.list();
  return list.ok ? list.value.revision : -1;
};

async function importMerge(text: string, choices?: Record<string, string>) {
  return route(
    {
      type: "backup.import",
      payload: { text, password: BACKUP_PW, mode: "merge", revision: await revision(), choices },
    },
    page,
  );
}

describe("merge import through the background", () => {
  it("export, change the password, import the export: the new password stays", async () => {
    await vault.save({ input: { ...ACME, password: "first" }, revision: 1, now: 1_000 });
    const exported = (await route(
      { type: "backup.export", payload: { password: BACKUP_PW } },
      page,
    )) as { ok: true; value: string };
    expect(exported.ok).toBe(true);
    const before = await stored();
    await vault.save({
      id: before.id,
      input: { ...ACME, password: "changed" },
      revision: await revision(),
      now: 2_000,
    });
    expect(await importMerge(exported.value)).toEqual({
      ok: true,
      value: {
        status: "done",
        report: {
          added: 0,
          updated: 0,
          skipped: 1,
          details: [{ ...ACME, outcome: "kept_newer" }],
        },
      },
    });
    expect((await stored()).password).toBe("changed");
  });

  it("an unclear conflict comes back without writing; with the user's choice it imports", async () => {
    await vault.save({ input: { ...ACME, password: "mine" }, revision: 1, now: 5_000 });
    const mine = await stored();
    const text = await exportBackup(
      [{ ...mine, id: "x", password: "theirs", updatedAt: mine.updatedAt }],
      BACKUP_PW,
      0,
    );
    const vaultBefore = JSON.stringify(await fakeBrowser.storage.local.get("vault"));
    const asked = await importMerge(text);
    expect(asked).toEqual({
      ok: true,
      value: {
        status: "conflicts",
        conflicts: [{ id: mine.id, ...ACME, yoursUpdatedAt: 5_000, backupUpdatedAt: 5_000 }],
      },
    });
    expect(JSON.stringify(await fakeBrowser.storage.local.get("vault"))).toBe(vaultBefore);

    const took = await importMerge(text, { [mine.id]: "backup" });
    expect(took).toMatchObject({
      ok: true,
      value: { status: "done", report: { updated: 1, details: [{ outcome: "took_chosen" }] } },
    });
    expect((await stored()).password).toBe("theirs");
  });

  it("refuses malformed choices", async () => {
    for (const choices of [[], "mine", { x: "both" }, { x: 1 }]) {
      expect(
        await route(
          {
            type: "backup.import",
            payload: { text: "{}", password: "p", mode: "merge", revision: 1, choices },
          },
          page,
        ),
      ).toEqual({ ok: false, error: "malformed" });
    }
  });
});
