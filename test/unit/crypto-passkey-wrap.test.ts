import { describe, expect, it } from "vitest";
import { bytesToBase64, base64ToBytes } from "../../src/crypto/base64";
import { randomBytes } from "../../src/crypto/bytes";
import {
  newPrfSalt,
  unwrapWithPasskey,
  wrapWithPasskey,
  type PasskeyWrapped,
} from "../../src/crypto/passkey-wrap";

const flip = (text: string, at = 0): string => {
  const bytes = base64ToBytes(text)!;
  bytes[at] = bytes[at]! ^ 1;
  return bytesToBase64(bytes);
};

async function fixture() {
  const vaultKey = randomBytes(32);
  const prf = randomBytes(32);
  const credentialId = bytesToBase64(randomBytes(16));
  const salt = bytesToBase64(newPrfSalt());
  const wrapped = await wrapWithPasskey(vaultKey, prf, credentialId, salt);
  return { vaultKey, prf, wrapped };
}

describe("passkey wrap (real WebCrypto)", () => {
  it("round-trips the vault key, and stores nothing but the wrap", async () => {
    const { vaultKey, prf, wrapped } = await fixture();
    expect(await unwrapWithPasskey(prf, wrapped)).toEqual(vaultKey);
    expect(Object.keys(wrapped).sort()).toEqual(["credentialId", "iv", "key", "salt"]);
    const text = JSON.stringify(wrapped);
    expect(text).not.toContain(bytesToBase64(prf));
    expect(text).not.toContain(bytesToBase64(vaultKey));
    expect(base64ToBytes(wrapped.key)!.length).toBe(48);
  });

  it("two wraps of one key differ (fresh IV)", async () => {
    const { vaultKey, prf, wrapped } = await fixture();
    const again = await wrapWithPasskey(vaultKey, prf, wrapped.credentialId, wrapped.salt);
    expect(again.iv).not.toBe(wrapped.iv);
    expect(again.key).not.toBe(wrapped.key);
  });

  it("fails closed on another PRF output", async () => {
    const { wrapped } = await fixture();
    expect(await unwrapWithPasskey(randomBytes(32), wrapped)).toBeNull();
  });

  it.each<[string, (w: PasskeyWrapped) => PasskeyWrapped]>([
    ["wrapped key bytes", (w) => ({ ...w, key: flip(w.key, 5) })],
    ["tag", (w) => ({ ...w, key: flip(w.key, 47) })],
    ["IV", (w) => ({ ...w, iv: flip(w.iv) })],
    ["credential id", (w) => ({ ...w, credentialId: flip(w.credentialId) })],
    ["salt", (w) => ({ ...w, salt: flip(w.salt) })],
    ["a truncated key", (w) => ({ ...w, key: w.key.slice(0, 40) })],
    ["non-base64", (w) => ({ ...w, iv: "not base64!" })],
  ])("fails closed on an edited %s", async (_what, edit) => {
    const { prf, wrapped } = await fixture();
    expect(await unwrapWithPasskey(prf, edit(wrapped))).toBeNull();
  });

  it("refuses wrong sizes when wrapping (a caller bug) and a short PRF when unwrapping", async () => {
    const { prf, wrapped } = await fixture();
    await expect(
      wrapWithPasskey(randomBytes(16), prf, wrapped.credentialId, wrapped.salt),
    ).rejects.toThrow(RangeError);
    await expect(
      wrapWithPasskey(randomBytes(32), randomBytes(16), wrapped.credentialId, wrapped.salt),
    ).rejects.toThrow(RangeError);
    await expect(
      wrapWithPasskey(randomBytes(32), prf, wrapped.credentialId, "c2FsdA=="),
    ).rejects.toThrow(RangeError);
    expect(await unwrapWithPasskey(prf.slice(0, 31), wrapped)).toBeNull();
  });
});
