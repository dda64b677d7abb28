// AES-256-GCM through WebCrypto. Every key we import is non-extractable, so even code running
// in our own pages cannot read raw key bytes back out of a CryptoKey.
import { copyBytes, randomBytes, type Bytes } from "./bytes";

export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export function importAesKey(raw: Uint8Array): Promise<CryptoKey> {
  if (raw.length !== KEY_BYTES) throw new RangeError("AES-256 key must be 32 bytes");
  return crypto.subtle.importKey("raw", copyBytes(raw), { name: "AES-GCM" }, false, [
    "encrypt",
    "decrypt",
  ]);
}

/**
 * Encryption with a caller-chosen IV. Only `seal` may call this in shipped code (reusing an IV
 * under one key breaks GCM completely); it is exported for the known-answer tests.
 */
export async function encryptWithIv(
  key: CryptoKey,
  iv: Bytes,
  plaintext: Bytes,
  aad: Bytes,
): Promise<Bytes> {
  const ct = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: aad, tagLength: TAG_BYTES * 8 },
    key,
    plaintext,
  );
  return new Uint8Array(ct);
}

/**
 * Encrypts under a fresh random 96-bit IV. Random IVs are safe far beyond any vault's write
 * count (NIST SP 800-38D allows 2^32 random IVs per key).
 */
export async function seal(
  key: CryptoKey,
  plaintext: Bytes,
  aad: Bytes,
): Promise<{ iv: Bytes; ct: Bytes }> {
  const iv = randomBytes(IV_BYTES);
  return { iv, ct: await encryptWithIv(key, iv, plaintext, aad) };
}

/** Null when the tag does not verify: wrong key, or any change to iv, ciphertext, tag or aad. */
export async function open(
  key: CryptoKey,
  iv: Bytes,
  ct: Bytes,
  aad: Bytes,
): Promise<Bytes | null> {
  if (iv.length !== IV_BYTES || ct.length < TAG_BYTES) return null;
  try {
    const pt = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv, additionalData: aad, tagLength: TAG_BYTES * 8 },
      key,
      ct,
    );
    return new Uint8Array(pt);
  } catch {
    return null;
  }
}
