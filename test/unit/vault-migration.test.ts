// Format 1 → 2 of the stored vault, on real stored data: the frozen v1 vault fixture
// (test/fixtures/crypto/vault-v1.json, a 0.0.x vault: records only) run through the schema
// migration as the worker does at update, then unlocked. The unlock has the key, so it seals
// the format-2 index, under a new vault key; every later unlock reads format 2.
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import * as vault from "../../src/background/vault";
import { base64ToBytes } from "../../src/crypto/base64";
import { encryptRecord } from "../../src/crypto/vault-crypto";
import { planMigration } from "../../src/storage/migrations";
import fixture from "../fixtures/crypto/vault-v1.json";
import { stubBackgroundApis } from "./background-stubs";

const PASSWORD = "Vœu d'été : sept chevaux bleus";
const ENTRY = {
  id: "3f1c9a52-0b7e-4d2a-9a61-5c2e8f0d4b17",
  name: "Cabinet Durand",
  workspace: "DURAND",
  identifier: "m.durand",
  password: "s3cr3t-Durand!",
  createdAt: 1767225600000,
  updatedAt: 1767225600000,
  lastUsedAt: null,
};
const v1Settings = (
  JSON.parse(readFileSync("test/fixtures/storage/v1-profile.json", "utf8")) as {
    settings: unknown;
  }
).settings;

vi.setConfig({ testTimeout: 60_000 });
beforeEach(() => stubBackgroundApis());

/** What src/background/index.ts does at install/update. */
async function runStorageMigration(): Promise<void> {
  const plan = planMigration(await fakeBrowser.storage.local.get(null));
  if ("error" in plan) throw new Error(plan.error);
  if (plan.remove.length) await fakeBrowser.storage.local.remove(plan.remove);
  await fakeBrowser.storage.local.set(plan.set);
}

async function storedVault(): Promise<Record<string, unknown>> {
  return ((await fakeBrowser.storage.local.get("vault")) as { vault: Record<string, unknown> })
    .vault;
}

async function expectEntryReadable(): Promise<void> {
  const { password: _p, ...summary } = ENTRY;
  const list = await vault.list();
  expect(list.ok && list.value.entries).toEqual([summary]);
  expect(await vault.get(ENTRY.id)).toEqual({ ok: true, value: ENTRY });
}

describe("vault format 1 → 2 at the first unlock", () => {
  it("a stored 0.0.x vault (no index): migrate → unlock → entries readable, index present, and a second unlock still fine", async () => {
    await fakeBrowser.storage.local.set({
      settings: v1Settings,
      vault: { format: 1, wrapped: fixture.wrapped, records: [fixture.record] },
    });
    await runStorageMigration();
    // Not corrupt: locked, waiting for the unlock that can seal it.
    expect((await vault.status()).state).toBe("locked");
    expect(await vault.list()).toMatchObject({ ok: false, error: "locked" });

    expect(await vault.unlock(PASSWORD)).toEqual({ ok: true });
    expect((await vault.status()).state).toBe("unlocked");
    await expectEntryReadable();
    const migrated = await storedVault();
    expect(migrated).toMatchObject({ format: 2, revision: 0, records: [{ id: ENTRY.id }] });
    expect(migrated.index).toMatchObject({ id: "index" });
    // A new vault key: the old wrapped key and the old record are gone from storage.
    const session = (await fakeBrowser.storage.session.get("vaultKey")) as { vaultKey: string };
    expect(session.vaultKey).not.toBe(fixture.vaultKey);
    expect(JSON.stringify(migrated)).not.toContain(fixture.wrapped.key);
    expect(JSON.stringify(migrated)).not.toContain(fixture.record.ct);

    // Second unlock: format 2 is read as is, nothing rewritten.
    await vault.lock();
    expect(await vault.unlock(PASSWORD)).toEqual({ ok: true });
    await expectEntryReadable();
    expect(await storedVault()).toEqual(migrated);
    // And it is an ordinary vault from now on: saving works.
    const saved = await vault.save({
      id: ENTRY.id,
      input: { ...ENTRY, name: "Durand" },
      revision: 0,
    });
    expect(saved).toMatchObject({ ok: true, value: { revision: 1 } });
  });

  it("a 0.1 vault (format 1 with an index of ids and revision) migrates the same way", async () => {
    const key = base64ToBytes(fixture.vaultKey)!;
    const index = await encryptRecord(key, "index", { ids: [ENTRY.id], revision: 5 });
    const v1 = {
      format: 1,
      wrapped: fixture.wrapped,
      records: [fixture.record],
      index,
      revision: 5,
    };
    await fakeBrowser.storage.local.set({ schemaVersion: 2, vault: v1 });
    expect(await vault.unlock(PASSWORD)).toEqual({ ok: true });
    await expectEntryReadable();
    expect(await storedVault()).toMatchObject({ format: 2, revision: 5 });
  });

  it("a tampered format-1 vault is not migrated: unlock fails closed, data left as found", async () => {
    const key = base64ToBytes(fixture.vaultKey)!;
    const cases = [
      // The record's ciphertext altered.
      {
        format: 1,
        wrapped: fixture.wrapped,
        records: [{ ...fixture.record, iv: "AAAAAAAAAAAAAAAA" }],
        revision: 0,
      },
      // A 0.1 index that names another revision.
      {
        format: 1,
        wrapped: fixture.wrapped,
        records: [fixture.record],
        index: await encryptRecord(key, "index", { ids: [ENTRY.id], revision: 4 }),
        revision: 5,
      },
    ];
    for (const v1 of cases) {
      await fakeBrowser.storage.local.set({ schemaVersion: 2, vault: v1 });
      expect(await vault.unlock(PASSWORD)).toMatchObject({ ok: false, error: "tampered" });
      expect(await storedVault()).toEqual(v1);
      expect((await vault.status()).state).toBe("locked");
      expect(await fakeBrowser.storage.session.get("vaultKey")).toEqual({});
    }
  });

  it("a format-2 vault relabelled format 1 (to skip its per-record seal) does not unlock", async () => {
    expect(await vault.create(PASSWORD, PASSWORD)).toEqual({ ok: true });
    expect((await vault.save({ input: ENTRY, revision: 1 })).ok).toBe(true);
    await vault.lock();
    const { index: _index, ...v2 } = await storedVault();
    const downgraded = { ...v2, format: 1 };
    await fakeBrowser.storage.local.set({ vault: downgraded });
    expect(await vault.unlock(PASSWORD)).toMatchObject({ ok: false, error: "wrong_password" });
    expect(await storedVault()).toEqual(downgraded);
    expect(await fakeBrowser.storage.session.get("vaultKey")).toEqual({});
  });
});
