import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import * as vault from "../../src/background/vault";
import { MAX_PASSKEYS } from "../../src/background/vault/passkeys";
import { base64ToBytes, bytesToBase64 } from "../../src/crypto/base64";
import { randomBytes } from "../../src/crypto/bytes";
import { stubBackgroundApis } from "./background-stubs";

const MASTER = "correct horse battery staple";
const NEXT = "plum trumpet velvet ladder";
const INPUT = { name: "Acme", workspace: "ACME", identifier: "marie", password: "S3cr3t" };

// Every master-password check runs the real Argon2id.
vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => stubBackgroundApis());

const b64 = (n: number) => bytesToBase64(randomBytes(n));

/** What the page would send after a ceremony: a credential id, its salt and PRF output. */
function passkey(name = "Laptop") {
  return { credentialId: b64(16), salt: b64(32), prf: b64(32), name };
}

async function setUp() {
  expect((await vault.create(MASTER, MASTER)).ok).toBe(true);
  expect((await vault.save({ input: INPUT, revision: 1 })).ok).toBe(true);
  const pk = passkey();
  expect(await vault.addPasskey({ password: MASTER, ...pk }, 1_700_000_000_000)).toEqual({
    ok: true,
  });
  return pk;
}

const stored = async () =>
  ((await fakeBrowser.storage.local.get("vault")) as { vault: Record<string, unknown> }).vault;
const storedPasskeys = async () => (await stored()).passkeys as Record<string, string>[];
const setStored = (v: Record<string, unknown>) => fakeBrowser.storage.local.set({ vault: v });
const failures = async () =>
  (
    (await fakeBrowser.storage.local.get("unlockThrottle")) as {
      unlockThrottle?: { failures: number };
    }
  ).unlockThrottle?.failures ?? 0;

describe("passkey unlock (worker)", () => {
  it("set up, lock, unlock with the passkey: the entries open", async () => {
    const pk = await setUp();
    expect(await vault.listPasskeys()).toEqual({
      ok: true,
      value: {
        passkeys: [{ credentialId: pk.credentialId, name: "Laptop", createdAt: 1_700_000_000_000 }],
      },
    });
    await vault.lock();
    const status = await vault.status();
    expect(status).toMatchObject({ state: "locked" });
    expect(status.passkeys).toEqual([{ credentialId: pk.credentialId, salt: pk.salt }]);
    expect(await vault.unlockWithPasskey(pk.credentialId, pk.prf)).toEqual({ ok: true });
    expect((await vault.status()).state).toBe("unlocked");
    expect((await vault.status()).passkeys).toBeUndefined();
    const list = await vault.list();
    expect(list.ok && list.value.entries.map((e) => e.name)).toEqual(["Acme"]);
  });

  it("stores nothing derived from the PRF output, nor the output itself", async () => {
    const pk = await setUp();
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const session = JSON.stringify(await fakeBrowser.storage.session.get(null));
    expect(local).not.toContain(pk.prf);
    expect(session).not.toContain(pk.prf);
    const [wrap] = await storedPasskeys();
    expect(Object.keys(wrap!).sort()).toEqual(
      ["createdAt", "credentialId", "iv", "key", "name", "salt"].sort(),
    );
  });

  it("set-up needs the right master password (and counts a wrong one)", async () => {
    expect((await vault.create(MASTER, MASTER)).ok).toBe(true);
    expect(await vault.checkPassword("wrong")).toMatchObject({ error: "wrong_password" });
    expect(await vault.checkPassword(MASTER)).toEqual({ ok: true });
    expect(await vault.addPasskey({ password: "wrong", ...passkey() })).toMatchObject({
      ok: false,
      error: "wrong_password",
    });
    expect(await failures()).toBe(1);
    expect((await vault.listPasskeys()).ok && (await storedPasskeys())).toBeFalsy();
  });

  it("set-up refuses a malformed PRF, salt, credential id or name, and a locked vault", async () => {
    expect((await vault.create(MASTER, MASTER)).ok).toBe(true);
    const pk = passkey();
    for (const bad of [
      { ...pk, prf: b64(16) },
      { ...pk, salt: b64(8) },
      { ...pk, credentialId: "" },
      { ...pk, name: "   " },
      { ...pk, name: "x".repeat(65) },
    ]) {
      expect(await vault.addPasskey({ password: MASTER, ...bad })).toMatchObject({
        ok: false,
        error: "malformed",
      });
    }
    await vault.lock();
    expect(await vault.addPasskey({ password: MASTER, ...pk })).toMatchObject({ error: "locked" });
  });

  it("several passkeys, each unlocks; removing one leaves the others", async () => {
    const first = await setUp();
    const second = passkey("Security key");
    expect((await vault.addPasskey({ password: MASTER, ...second })).ok).toBe(true);
    expect((await storedPasskeys()).map((p) => p.name)).toEqual(["Laptop", "Security key"]);
    expect(await vault.removePasskey(first.credentialId)).toEqual({ ok: true });
    expect(await vault.removePasskey(first.credentialId)).toMatchObject({ error: "not_found" });
    await vault.lock();
    expect((await vault.unlockWithPasskey(first.credentialId, first.prf)).ok).toBe(false);
    expect((await vault.unlockWithPasskey(second.credentialId, second.prf)).ok).toBe(true);
    expect(await vault.removePasskey(second.credentialId)).toEqual({ ok: true });
    expect((await stored()).passkeys).toBeUndefined();
    await vault.lock();
    expect((await vault.status()).passkeys).toBeUndefined();
  });

  it(`keeps at most ${MAX_PASSKEYS} passkeys`, async () => {
    await setUp();
    const v = await stored();
    const one = (await storedPasskeys())[0]!;
    const many = Array.from({ length: MAX_PASSKEYS }, (_, i) => ({
      ...one,
      credentialId: b64(16),
      name: `k${i}`,
    }));
    await setStored({ ...v, passkeys: many });
    expect(await vault.addPasskey({ password: MASTER, ...passkey() })).toMatchObject({
      ok: false,
      error: "passkey_limit",
    });
    expect(await vault.checkPassword(MASTER)).toMatchObject({ ok: false, error: "passkey_limit" });
  });

  it("a wrong PRF output or an unknown credential is refused and counted by the throttle", async () => {
    const pk = await setUp();
    await vault.lock();
    for (let i = 0; i < 2; i++) {
      expect(await vault.unlockWithPasskey(pk.credentialId, b64(32))).toMatchObject({
        ok: false,
        error: "passkey_failed",
      });
    }
    expect(await vault.unlockWithPasskey(b64(16), pk.prf)).toMatchObject({
      error: "passkey_failed",
    });
    expect(await failures()).toBe(3);
    // The delay now runs: even the right passkey waits, as the master password would.
    expect(await vault.unlockWithPasskey(pk.credentialId, pk.prf)).toMatchObject({
      error: "too_many_attempts",
    });
    expect(await vault.unlock(MASTER)).toMatchObject({ error: "too_many_attempts" });
    expect((await vault.status()).state).toBe("locked");
  });

  it("a success clears the count", async () => {
    const pk = await setUp();
    await vault.lock();
    await vault.unlockWithPasskey(pk.credentialId, b64(32));
    expect(await failures()).toBe(1);
    expect((await vault.unlockWithPasskey(pk.credentialId, pk.prf)).ok).toBe(true);
    expect(await failures()).toBe(0);
  });

  it.each([
    ["wrapped key", "key"],
    ["IV", "iv"],
    ["salt", "salt"],
  ])("an edited %s fails closed, and the master password still works", async (_what, field) => {
    const pk = await setUp();
    await vault.lock();
    const v = await stored();
    const [wrap] = await storedPasskeys();
    const bytes = base64ToBytes(wrap![field]!)!;
    bytes[0] = bytes[0]! ^ 1;
    await setStored({ ...v, passkeys: [{ ...wrap, [field]: bytesToBase64(bytes) }] });
    expect(await vault.unlockWithPasskey(pk.credentialId, pk.prf)).toMatchObject({
      ok: false,
      error: "passkey_failed",
    });
    expect((await vault.status()).state).toBe("locked");
    expect(await fakeBrowser.storage.session.get("vaultKey")).toEqual({});
    expect((await vault.unlock(MASTER)).ok).toBe(true);
  });

  it("a wrap moved to another credential id fails closed", async () => {
    const pk = await setUp();
    await vault.lock();
    const v = await stored();
    const [wrap] = await storedPasskeys();
    const other = b64(16);
    await setStored({ ...v, passkeys: [{ ...wrap, credentialId: other }] });
    expect((await vault.unlockWithPasskey(other, pk.prf)).ok).toBe(false);
    expect((await vault.status()).state).toBe("locked");
  });

  it("a wrap of another vault's key (it opens, the vault does not) is tampered", async () => {
    const pk = await setUp();
    const foreign = await stored();
    await vault.reset();
    await setUp();
    await vault.lock();
    const v = await stored();
    await setStored({ ...v, passkeys: foreign.passkeys });
    expect(await vault.unlockWithPasskey(pk.credentialId, pk.prf)).toMatchObject({
      ok: false,
      error: "tampered",
    });
    expect((await vault.status()).state).toBe("locked");
  });

  it("a malformed passkeys field is ignored, never the vault", async () => {
    await setUp();
    await vault.lock();
    await setStored({ ...(await stored()), passkeys: [{ credentialId: 3 }, "junk"] });
    expect((await vault.status()).passkeys).toBeUndefined();
    expect((await vault.unlock(MASTER)).ok).toBe(true);
    expect((await vault.listPasskeys()).ok).toBe(true);
  });

  it("entry writes keep the passkeys", async () => {
    const pk = await setUp();
    const list = await vault.list();
    const id = list.ok ? list.value.entries[0]!.id : "";
    expect((await vault.save({ id, input: { ...INPUT, name: "Acme 2" }, revision: 2 })).ok).toBe(
      true,
    );
    expect((await vault.markUsed(id)).ok).toBe(true);
    await vault.lock();
    expect((await vault.unlockWithPasskey(pk.credentialId, pk.prf)).ok).toBe(true);
  });

  it("a change of master password removes every passkey (new vault key)", async () => {
    const pk = await setUp();
    expect((await vault.changePassword(MASTER, NEXT, NEXT)).ok).toBe(true);
    expect((await stored()).passkeys).toBeUndefined();
    expect(await vault.listPasskeys()).toEqual({ ok: true, value: { passkeys: [] } });
    await vault.lock();
    expect((await vault.status()).passkeys).toBeUndefined();
    expect((await vault.unlockWithPasskey(pk.credentialId, pk.prf)).ok).toBe(false);
    expect((await vault.unlock(NEXT)).ok).toBe(true);
  });

  it("even an old wrap put back after a change of password cannot open the new vault", async () => {
    const pk = await setUp();
    const old = await storedPasskeys();
    expect((await vault.changePassword(MASTER, NEXT, NEXT)).ok).toBe(true);
    await vault.lock();
    await setStored({ ...(await stored()), passkeys: old });
    expect(await vault.unlockWithPasskey(pk.credentialId, pk.prf)).toMatchObject({
      error: "tampered",
    });
    expect((await vault.status()).state).toBe("locked");
  });

  it("erasing the vault removes every passkey", async () => {
    const pk = await setUp();
    expect((await vault.reset()).ok).toBe(true);
    expect(await fakeBrowser.storage.local.get("vault")).toEqual({});
    expect((await vault.status()).passkeys).toBeUndefined();
    expect(await vault.unlockWithPasskey(pk.credentialId, pk.prf)).toMatchObject({
      error: "no_vault",
    });
  });
});
