// What the stored vault's seal proves, through the vault service: an older ciphertext of a
// record put back fails closed (the sealed index keeps each record's digest).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import * as vault from "../../src/background/vault";
import { decryptRecord } from "../../src/crypto/vault-crypto";
import type { StoredVault } from "../../src/storage/schema";
import { stubBackgroundApis } from "./background-stubs";

const MASTER = "correct horse battery staple";
const INPUT = {
  name: "Cabinet Dupont",
  workspace: "DUPONT",
  identifier: "marie.l",
  password: "first-password-v1",
};

// Each create/unlock/change runs the real Argon2id (64 MiB): about a second on these machines.
vi.setConfig({ testTimeout: 60_000 });
beforeEach(() => stubBackgroundApis());

async function stored(): Promise<StoredVault> {
  const { vault: v } = (await fakeBrowser.storage.local.get("vault")) as { vault: StoredVault };
  return structuredClone(v);
}
async function sessionKey(): Promise<string | undefined> {
  return ((await fakeBrowser.storage.session.get("vaultKey")) as { vaultKey?: string }).vaultKey;
}

/** A vault with one entry saved, then updated: returns the entry id and both ciphertexts. */
async function updatedOnce() {
  expect(await vault.create(MASTER, MASTER)).toEqual({ ok: true });
  const saved = await vault.save({ input: INPUT, revision: 1 });
  if (!saved.ok) throw new Error("save");
  const v1 = (await stored()).records[0]!;
  const upd = await vault.save({
    id: saved.value.id,
    input: { ...INPUT, password: "second-password-v2" },
    revision: 2,
  });
  expect(upd.ok).toBe(true);
  return { id: saved.value.id, v1, current: await stored() };
}

describe("per-record rollback", () => {
  it("an older ciphertext of the same record put back fails closed, and is left as found", async () => {
    const { id, v1, current } = await updatedOnce();
    // The old ciphertext is authentic on its own: it opens under the vault key with its id.
    const key = Buffer.from((await sessionKey())!, "base64");
    expect((await decryptRecord(new Uint8Array(key), v1, { expectedId: id })).ok).toBe(true);
    // Put it back in place of the current one (index, revision and ids unchanged).
    const rolledBack = { ...current, records: [v1] };
    await fakeBrowser.storage.local.set({ vault: rolledBack });
    expect(await vault.list()).toMatchObject({ ok: false, error: "tampered" });
    expect(await vault.get(id)).toMatchObject({ ok: false, error: "tampered" });
    expect(await vault.entries()).toMatchObject({ ok: false, error: "tampered" });
    expect(await vault.save({ input: { ...INPUT, workspace: "X" }, revision: 3 })).toMatchObject({
      ok: false,
      error: "tampered",
    });
    expect(await vault.markUsed(id)).toMatchObject({ ok: false, error: "tampered" });
    // Nothing was rewritten: the data stays as found, for recovery.
    expect(await stored()).toEqual(rolledBack);
    // The untouched current vault still opens, with the newer password.
    await fakeBrowser.storage.local.set({ vault: current });
    expect(await vault.get(id)).toMatchObject({
      ok: true,
      value: { password: "second-password-v2" },
    });
  });

  it("an older IV alone, or one record of two rolled back, fails closed too", async () => {
    const { id, v1 } = await updatedOnce();
    expect((await vault.save({ input: { ...INPUT, workspace: "AUTRE" }, revision: 3 })).ok).toBe(
      true,
    );
    const two = await stored();
    const at = two.records.findIndex((r) => r.id === id);
    for (const rec of [v1, { ...two.records[at]!, iv: v1.iv }]) {
      const records = two.records.map((r, i) => (i === at ? rec : r));
      await fakeBrowser.storage.local.set({ vault: { ...two, records } });
      expect(await vault.list()).toMatchObject({ ok: false, error: "tampered" });
    }
    // Reordered records are refused as well (the index seals the order).
    await fakeBrowser.storage.local.set({ vault: { ...two, records: [...two.records].reverse() } });
    expect(await vault.list()).toMatchObject({ ok: false, error: "tampered" });
    await fakeBrowser.storage.local.set({ vault: two });
    const list = await vault.list();
    expect(list.ok && list.value.entries).toHaveLength(2);
  });
});
