// Proof that refused headers and non-backup inputs never reach Argon2id: hash-wasm's argon2id is
// wrapped in a spy (the real function still runs when called).
import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { argon2id } from "hash-wasm";
import { parseBackup } from "../../src/crypto/backup";
import { unwrapVaultKey } from "../../src/crypto/vault-crypto";
import vaultFixture from "../fixtures/crypto/vault-v1.json";
import backupFixture from "../fixtures/crypto/backup-v1.json";

vi.mock("hash-wasm", async (importOriginal) => {
  const real = await importOriginal<typeof import("hash-wasm")>();
  return { ...real, argon2id: vi.fn(real.argon2id) };
});

const spy = vi.mocked(argon2id);
// Braces matter: a function returned from beforeEach is run as its teardown.
beforeEach(() => {
  spy.mockClear();
});

const weakHeaders = [
  { m: 1024, t: 1, p: 4 },
  { m: 65535 },
  { t: 2 },
  { alg: "argon2i" },
  { salt: "AAAAAAAAAAA=" },
];

describe("downgrade protection", () => {
  it.each(weakHeaders)("unlock refuses %j without deriving", async (patch) => {
    const wrapped = { ...vaultFixture.wrapped, kdf: { ...vaultFixture.wrapped.kdf, ...patch } };
    expect(await unwrapVaultKey("whatever password", wrapped)).toEqual({
      ok: false,
      error: "kdf_too_weak",
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it("unlock refuses absurd costs as malformed without deriving", async () => {
    for (const patch of [{ m: 4 * 1024 * 1024 }, { t: 1000 }]) {
      const wrapped = { ...vaultFixture.wrapped, kdf: { ...vaultFixture.wrapped.kdf, ...patch } };
      expect(await unwrapVaultKey("whatever password", wrapped)).toEqual({
        ok: false,
        error: "malformed",
      });
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it("backup import refuses a weakened header without deriving", async () => {
    const text = JSON.stringify({ ...backupFixture, kdf: { ...backupFixture.kdf, t: 1 } });
    expect(await parseBackup(text, "whatever")).toEqual({ ok: false, error: "kdf_too_weak" });
    expect(spy).not.toHaveBeenCalled();
  });

  // Without this the assertions above could pass with a spy that sees nothing.
  it("the spy does see the derivation of a valid header", { timeout: 30_000 }, async () => {
    expect(await unwrapVaultKey("wrong password", vaultFixture.wrapped)).toEqual({
      ok: false,
      error: "wrong_password",
    });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toMatchObject({
      memorySize: 65536,
      iterations: 3,
      parallelism: 1,
    });
  });
});

describe("parseBackup on arbitrary input", () => {
  it("never throws and never derives for arbitrary strings", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), async (text) => {
        const r = await parseBackup(text, "pw");
        expect(r.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
    expect(spy).not.toHaveBeenCalled();
  });

  it("never throws for arbitrary JSON, nor for JSON that claims our format", async () => {
    const claims = fc.dictionary(fc.string(), fc.jsonValue()).map((o) => ({
      ...o,
      format: "iamoffice-login-backup",
    }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), claims), async (value) => {
        const r = await parseBackup(JSON.stringify(value), "pw");
        expect(r.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
    expect(spy).not.toHaveBeenCalled();
  });

  it("never throws when our own file has one field replaced by anything", async () => {
    const fields = ["format", "version", "createdAt", "kdf", "iv", "ciphertext"] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.jsonValue(), async (field, value) => {
        fc.pre(JSON.stringify(value) !== JSON.stringify(backupFixture[field]));
        const text = JSON.stringify({ ...backupFixture, [field]: value });
        expect((await parseBackup(text, "pw")).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
