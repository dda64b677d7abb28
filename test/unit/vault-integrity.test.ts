// What the stored vault's seal and the key rotation prove, through the vault service: an older
// ciphertext of a record put back fails closed (the sealed index keeps each record's digest),
// and a change of master password leaves nothing readable by the old password's copy.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import * as vault from "../../src/background/vault";
import { decryptRecord, unwrapVaultKey } from "../../src/crypto/vault-crypto";
import type { StoredVault } from "../../src/storage/schema";
import { stubBackgroundApis } from "./background-stubs";

const MASTER = "correct horse battery staple";
const NEXT = "another long master phrase";
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

describe("change of master password", () => {
  it("draws a new vault key: a copy of the storage from before, with the old password, reads nothing written after", async () => {
    expect(await vault.create(MASTER, MASTER)).toEqual({ ok: true });
    expect((await vault.save({ input: INPUT, revision: 1 })).ok).toBe(true);
    const before = await stored();
    expect(await vault.changePassword(MASTER, NEXT, NEXT)).toEqual({ ok: true });
    const after = await vault.save({
      input: { ...INPUT, workspace: "APRES", password: "written-after-the-change" },
      revision: 2,
    });
    expect(after.ok).toBe(true);
    const now = await stored();

    // The old copy's wrapped key still opens with the old password…
    const old = await unwrapVaultKey(MASTER, before.wrapped, before.format);
    if (!old.ok) throw new Error("the old copy should still unwrap");
    // …but that key opens none of today's records, nor today's index.
    for (const rec of [...now.records, now.index]) {
      expect((await decryptRecord(old.vaultKey, rec)).ok).toBe(false);
    }
    // Nor through the service: the old wrapped key grafted onto today's vault unlocks (it is
    // the old password's key) but lists nothing.
    await vault.lock();
    await fakeBrowser.storage.local.set({ vault: { ...now, wrapped: before.wrapped } });
    expect(await vault.unlock(MASTER)).toEqual({ ok: true });
    const list = await vault.list();
    expect(list).toMatchObject({ ok: false, error: "tampered" });
    expect(JSON.stringify(list)).not.toContain("APRES");
  });

  it("replaces the session key with the new one (still unlocked) and rewrites every record", async () => {
    expect(await vault.create(MASTER, MASTER)).toEqual({ ok: true });
    const saved = await vault.save({ input: INPUT, revision: 1 });
    if (!saved.ok) throw new Error("save");
    const before = await stored();
    const keyBefore = await sessionKey();
    const writes: string[][] = [];
    const local = fakeBrowser.storage.local;
    const realSet = local.set.bind(local);
    const set = vi.spyOn(local, "set").mockImplementation((items) => {
      writes.push(Object.keys(items));
      return realSet(items);
    });
    try {
      expect(await vault.changePassword(MASTER, NEXT, NEXT)).toEqual({ ok: true });
    } finally {
      set.mockRestore();
    }
    // One storage write holds the whole new vault.
    expect(writes.filter((keys) => keys.includes("vault"))).toEqual([["vault"]]);
    const now = await stored();
    const keyNow = await sessionKey();
    expect(keyNow).toBeDefined();
    expect(keyNow).not.toBe(keyBefore);
    // The new session key is the one the new password unwraps.
    const unwrapped = await unwrapVaultKey(NEXT, now.wrapped, 2);
    expect(unwrapped.ok && Buffer.from(unwrapped.vaultKey).toString("base64")).toBe(keyNow);
    // Every record has a new ciphertext; the revision is kept (no entry changed).
    expect(now.records[0]!.ct).not.toBe(before.records[0]!.ct);
    expect(now.revision).toBe(before.revision);
    // Still unlocked: entries read and save with no new unlock.
    expect((await vault.status()).state).toBe("unlocked");
    expect(await vault.get(saved.value.id)).toMatchObject({
      ok: true,
      value: { password: INPUT.password },
    });
    expect((await vault.save({ input: { ...INPUT, workspace: "B" }, revision: 2 })).ok).toBe(true);
  });

  it("a failed storage write changes nothing: old vault, old key, old password", async () => {
    expect(await vault.create(MASTER, MASTER)).toEqual({ ok: true });
    expect((await vault.save({ input: INPUT, revision: 1 })).ok).toBe(true);
    const before = await stored();
    const keyBefore = await sessionKey();
    const local = fakeBrowser.storage.local;
    const realSet = local.set.bind(local);
    const set = vi
      .spyOn(local, "set")
      .mockImplementation((items) =>
        "vault" in items ? Promise.reject(new Error("QUOTA_BYTES quota exceeded")) : realSet(items),
      );
    try {
      expect(await vault.changePassword(MASTER, NEXT, NEXT)).toMatchObject({
        ok: false,
        error: "storage_failed",
      });
    } finally {
      set.mockRestore();
    }
    expect(await stored()).toEqual(before);
    expect(await sessionKey()).toBe(keyBefore);
    expect((await vault.list()).ok).toBe(true);
    await vault.lock();
    expect(await vault.unlock(MASTER)).toEqual({ ok: true });
  });

  it("refuses to carry a tampered vault over: it is left as found", async () => {
    const { current } = await updatedOnce();
    const tampered = { ...current, records: [{ ...current.records[0]!, iv: "AAAAAAAAAAAAAAAA" }] };
    await fakeBrowser.storage.local.set({ vault: tampered });
    expect(await vault.changePassword(MASTER, NEXT, NEXT)).toMatchObject({
      ok: false,
      error: "tampered",
    });
    expect(await stored()).toEqual(tampered);
    await vault.lock();
    expect(await vault.unlock(NEXT)).toMatchObject({ ok: false, error: "wrong_password" });
  });
});
