// Each unlock runs the real Argon2id (64 MiB, t=3): ~0.6 s here. One vault is created for the
// whole file and the expensive results are shared.
import { beforeAll, describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "../../src/crypto/base64";
import {
  createVault,
  rewrapVaultKey,
  unwrapVaultKey,
  type WrappedVault,
} from "../../src/crypto/vault-crypto";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "Nouveau mot de passe, très long";
const SLOW = 30_000;

const flip = (b64: string, index = 0): string => {
  const bytes = base64ToBytes(b64)!;
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytesToBase64(bytes);
};

describe("vault key wrapping", { timeout: SLOW }, () => {
  let wrapped: WrappedVault;
  let vaultKey: Uint8Array;
  beforeAll(async () => {
    ({ wrapped, vaultKey } = await createVault(PASSWORD));
  }, SLOW);

  it("creates a random 256-bit key wrapped under the default Argon2id header", () => {
    expect(vaultKey).toHaveLength(32);
    expect(wrapped.kdf).toMatchObject({ alg: "argon2id", v: 19, m: 65536, t: 6, p: 1 });
    expect(base64ToBytes(wrapped.kdf.salt)).toHaveLength(16);
    expect(base64ToBytes(wrapped.iv)).toHaveLength(12);
    expect(base64ToBytes(wrapped.key)).toHaveLength(48);
    expect(wrapped.key).not.toContain(bytesToBase64(vaultKey).slice(0, 8));
  });

  it("unwraps with the right password", async () => {
    expect(await unwrapVaultKey(PASSWORD, wrapped)).toEqual({ ok: true, vaultKey });
  });

  it("refuses a wrong password", async () => {
    expect(await unwrapVaultKey("correct horse battery stapler", wrapped)).toEqual({
      ok: false,
      error: "wrong_password",
    });
  });

  // GCM cannot tell these apart from a wrong password: same code, by design.
  it.each([
    ["wrapped key", (w: WrappedVault) => ({ ...w, key: flip(w.key, 3) })],
    ["IV", (w: WrappedVault) => ({ ...w, iv: flip(w.iv) })],
    ["salt", (w: WrappedVault) => ({ ...w, kdf: { ...w.kdf, salt: flip(w.kdf.salt) } })],
  ])("reports a modified %s as wrong_password", async (_, change) => {
    expect(await unwrapVaultKey(PASSWORD, change(wrapped))).toEqual({
      ok: false,
      error: "wrong_password",
    });
  });

  it("refuses a weakened header as kdf_too_weak", async () => {
    const weak = { ...wrapped, kdf: { ...wrapped.kdf, m: 1024, t: 1, p: 4 } };
    expect(await unwrapVaultKey(PASSWORD, weak)).toEqual({ ok: false, error: "kdf_too_weak" });
  });

  it.each([
    ["null", null],
    ["no kdf", { iv: "AAAAAAAAAAAAAAAA", key: "A".repeat(64) }],
    ["a key of the wrong length", { kdf: {}, iv: "AAAAAAAAAAAAAAAA", key: "AAAA" }],
  ])("refuses %s as malformed", async (_, raw) => {
    const r = await unwrapVaultKey(PASSWORD, raw);
    expect(r).toEqual({ ok: false, error: "malformed" });
  });

  it("unlocks with the password typed in another Unicode normalisation", async () => {
    const { wrapped: w, vaultKey: k } = await createVault("Café crème été 2026");
    const decomposed = "Café crème été 2026".normalize("NFD");
    expect(decomposed).not.toBe("Café crème été 2026");
    expect(await unwrapVaultKey(decomposed, w)).toEqual({ ok: true, vaultKey: k });
    // Two vaults never share a salt or a key.
    expect(w.kdf.salt).not.toBe(wrapped.kdf.salt);
    expect(k).not.toEqual(vaultKey);
  });

  describe("changing the master password", () => {
    let rewrapped: WrappedVault;
    beforeAll(async () => {
      rewrapped = await rewrapVaultKey(vaultKey, NEW_PASSWORD);
    }, SLOW);

    it("re-wraps under a new salt and IV, with today's cost (a vault made with 3 passes gets 6)", () => {
      expect(rewrapped.kdf.salt).not.toBe(wrapped.kdf.salt);
      expect(rewrapped.iv).not.toBe(wrapped.iv);
      expect(rewrapped.kdf).toMatchObject({ m: 65536, t: 6, p: 1 });
    });

    it("opens the same vault key with the new password", async () => {
      expect(await unwrapVaultKey(NEW_PASSWORD, rewrapped)).toEqual({ ok: true, vaultKey });
    });

    it("no longer opens with the old password", async () => {
      expect(await unwrapVaultKey(PASSWORD, rewrapped)).toEqual({
        ok: false,
        error: "wrong_password",
      });
    });

    it("refuses a vault key that is not 32 bytes", async () => {
      await expect(rewrapVaultKey(new Uint8Array(16), NEW_PASSWORD)).rejects.toThrow(RangeError);
    });
  });
});
