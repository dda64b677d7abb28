import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import * as vault from "../../src/background/vault";
import { delayAfterFailures } from "../../src/background/vault/throttle";
import { stubBackgroundApis } from "./background-stubs";

const MASTER = "correct horse battery staple";
const INPUT = {
  name: "Cabinet Dupont",
  workspace: "DUPONT",
  identifier: "marie.l",
  password: "S3cr3t-Pässwörd",
};

// Each create/unlock runs the real Argon2id (64 MiB): about a second on these machines.
vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => stubBackgroundApis());

async function createUnlocked() {
  const r = await vault.create(MASTER, MASTER);
  expect(r.ok).toBe(true);
}

function encodings(s: string): string[] {
  const utf8 = Buffer.from(s, "utf8");
  const utf16 = Buffer.from(s, "utf16le");
  return [
    s,
    utf8.toString("base64"),
    utf8.toString("hex"),
    utf16.toString("base64"),
    utf16.toString("hex"),
    utf16.toString("latin1"),
  ];
}

describe("vault lifecycle", () => {
  it("starts with no vault, creates one unlocked, locks and unlocks", async () => {
    expect((await vault.status()).state).toBe("none");
    await createUnlocked();
    expect((await vault.status()).state).toBe("unlocked");
    expect(await fakeBrowser.storage.session.get("vaultKey")).toHaveProperty("vaultKey");
    await vault.lock();
    expect((await vault.status()).state).toBe("locked");
    // Locking clears the key from session storage.
    expect(await fakeBrowser.storage.session.get("vaultKey")).toEqual({});
    expect((await vault.list()).ok).toBe(false);
    expect((await vault.unlock(MASTER)).ok).toBe(true);
    expect((await vault.status()).state).toBe("unlocked");
  });

  it("refuses a mismatched confirmation and a short master password, and never creates twice", async () => {
    expect(await vault.create(MASTER, MASTER + "x")).toMatchObject({
      ok: false,
      error: "password_mismatch",
    });
    expect(await vault.create("short", "short")).toMatchObject({
      ok: false,
      error: "weak_password",
    });
    expect((await vault.status()).state).toBe("none");
    await createUnlocked();
    expect(await vault.create(MASTER, MASTER)).toMatchObject({ ok: false, error: "vault_exists" });
  });

  it("a wrong master password changes nothing and repeated failures grow a delay", async () => {
    await createUnlocked();
    await vault.save({ input: INPUT, revision: 1 });
    await vault.lock();
    const before = await fakeBrowser.storage.local.get("vault");
    for (let i = 0; i < 3; i++) {
      expect(await vault.unlock("wrong password!")).toMatchObject({
        ok: false,
        error: "wrong_password",
      });
    }
    expect(await fakeBrowser.storage.local.get("vault")).toEqual(before);
    // Third failure → a 1 s delay: even the right password waits.
    const r = await vault.unlock(MASTER);
    expect(r).toMatchObject({ ok: false, error: "too_many_attempts" });
    expect(r.ok === false && r.retryAfterMs).toBeGreaterThan(0);
    // Change-password is no faster oracle: it is throttled the same way.
    expect(await vault.changePassword(MASTER, "x".repeat(12), "x".repeat(12))).toMatchObject({
      ok: false,
      error: "too_many_attempts",
    });
    // Once the delay has passed, the right password works and resets the counter.
    const { unlockThrottle } = (await fakeBrowser.storage.local.get("unlockThrottle")) as {
      unlockThrottle: { failures: number; notBefore: number };
    };
    await fakeBrowser.storage.local.set({ unlockThrottle: { ...unlockThrottle, notBefore: 0 } });
    expect(await vault.unlock(MASTER)).toEqual({ ok: true });
    expect(await fakeBrowser.storage.local.get("unlockThrottle")).toEqual({
      unlockThrottle: { failures: 0, notBefore: 0 },
    });
    expect(delayAfterFailures(2)).toBe(0);
    expect(delayAfterFailures(4)).toBe(2_000);
    expect(delayAfterFailures(50)).toBe(300_000);
  });

  it("change master password: the old one stops working, entries survive", async () => {
    await createUnlocked();
    await vault.save({ input: INPUT, revision: 1 });
    const next = "another long master phrase";
    expect(await vault.changePassword("nope nope nope", next, next)).toMatchObject({
      ok: false,
      error: "wrong_password",
    });
    expect(await vault.changePassword(MASTER, next, next)).toEqual({ ok: true });
    await vault.lock();
    expect(await vault.unlock(MASTER)).toMatchObject({ ok: false, error: "wrong_password" });
    expect(await vault.unlock(next)).toEqual({ ok: true });
    const list = await vault.list();
    expect(list.ok && list.value.entries.map((e) => e.workspace)).toEqual(["DUPONT"]);
  });
});

describe("entries", () => {
  it("stores entries encrypted: no field readable in storage.local in any encoding", async () => {
    await createUnlocked();
    const saved = await vault.save({ input: INPUT, revision: 1 });
    expect(saved.ok).toBe(true);
    const dump = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const secret of [INPUT.workspace, INPUT.identifier, INPUT.password, INPUT.name]) {
      for (const enc of encodings(secret)) expect(dump).not.toContain(enc);
    }
    const list = await vault.list();
    expect(list.ok && list.value.entries[0]).toMatchObject({
      workspace: "DUPONT",
      identifier: "marie.l",
    });
    expect(JSON.stringify(list)).not.toContain(INPUT.password);
    const id = saved.ok ? saved.value.id : "";
    expect(await vault.get(id)).toMatchObject({ ok: true, value: { password: INPUT.password } });
  });

  it("validates fields, refuses duplicates (case-insensitive workspace) and stale revisions", async () => {
    await createUnlocked();
    expect(await vault.save({ input: { ...INPUT, workspace: "  " }, revision: 1 })).toMatchObject({
      ok: false,
      error: "invalid_entry",
      fields: { workspace: "empty" },
    });
    const first = await vault.save({ input: INPUT, revision: 1 });
    expect(first.ok).toBe(true);
    expect(
      await vault.save({ input: { ...INPUT, workspace: "dupont", name: "" }, revision: 2 }),
    ).toMatchObject({
      ok: false,
      error: "duplicate_entry",
      detail: "Cabinet Dupont",
    });
    // A page that last saw revision 1 cannot overwrite what changed since.
    expect(
      await vault.save({ input: { ...INPUT, identifier: "paul" }, revision: 1 }),
    ).toMatchObject({
      ok: false,
      error: "stale_revision",
    });
  });

  it("a tampered record fails closed and the stored data is left as it was", async () => {
    await createUnlocked();
    await vault.save({ input: INPUT, revision: 1 });
    const { vault: stored } = (await fakeBrowser.storage.local.get("vault")) as {
      vault: { records: { ct: string }[] };
    };
    const ct = stored.records[0]!.ct;
    stored.records[0]!.ct = (ct[0] === "A" ? "B" : "A") + ct.slice(1);
    await fakeBrowser.storage.local.set({ vault: stored });
    expect(await vault.list()).toMatchObject({ ok: false, error: "tampered" });
    expect(await vault.save({ input: { ...INPUT, identifier: "x" }, revision: 2 })).toMatchObject({
      ok: false,
      error: "tampered",
    });
    expect(await fakeBrowser.storage.local.get("vault")).toEqual({ vault: stored });
  });

  it("a deleted record, or an older copy put back, is detected (sealed record list)", async () => {
    await createUnlocked();
    await vault.save({ input: INPUT, revision: 1 });
    const old = (await fakeBrowser.storage.local.get("vault")) as {
      vault: { records: { id: string; iv: string; ct: string }[] };
    };
    await vault.save({ input: { ...INPUT, identifier: "paul", password: "pw-2" }, revision: 2 });
    const { vault: current } = (await fakeBrowser.storage.local.get("vault")) as typeof old;
    // Delete the second record.
    await fakeBrowser.storage.local.set({
      vault: { ...current, records: current.records.slice(0, 1) },
    });
    expect(await vault.list()).toMatchObject({ ok: false, error: "tampered" });
    // Put back the older list of records next to the newer index.
    await fakeBrowser.storage.local.set({ vault: { ...current, records: old.vault.records } });
    expect(await vault.list()).toMatchObject({ ok: false, error: "tampered" });
    // The untouched current vault still opens.
    await fakeBrowser.storage.local.set({ vault: current });
    const list = await vault.list();
    expect(list.ok && list.value.entries).toHaveLength(2);
  });

  it("storage that does not fit the schema is reported as corrupt, never wiped", async () => {
    await fakeBrowser.storage.local.set({ vault: { format: 1, records: "nope" } });
    expect((await vault.status()).state).toBe("corrupt");
    expect(await vault.unlock(MASTER)).toMatchObject({ ok: false, error: "corrupt" });
    const raw = await vault.exportRaw();
    expect(raw.ok && raw.value).toContain('"nope"');
    expect(await fakeBrowser.storage.local.get("vault")).toEqual({
      vault: { format: 1, records: "nope" },
    });
  });

  it("a failed storage write leaves no partial entry", async () => {
    await createUnlocked();
    await vault.save({ input: INPUT, revision: 1 });
    const before = await fakeBrowser.storage.local.get("vault");
    const set = vi
      .spyOn(fakeBrowser.storage.local, "set")
      .mockRejectedValue(new Error("QUOTA_BYTES quota exceeded"));
    try {
      expect(
        await vault.save({ input: { ...INPUT, identifier: "paul" }, revision: 2 }),
      ).toMatchObject({
        ok: false,
        error: "storage_failed",
      });
    } finally {
      set.mockRestore();
    }
    expect(await fakeBrowser.storage.local.get("vault")).toEqual(before);
    const list = await vault.list();
    expect(list.ok && list.value.entries).toHaveLength(1);
  });

  it("reset erases the vault but keeps settings", async () => {
    await createUnlocked();
    await fakeBrowser.storage.local.set({ settings: { autofillOnLoad: false } });
    await vault.reset();
    expect((await vault.status()).state).toBe("none");
    expect(await fakeBrowser.storage.local.get("settings")).toEqual({
      settings: { autofillOnLoad: false },
    });
  });
});
