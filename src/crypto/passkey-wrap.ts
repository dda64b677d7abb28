// The vault key wrapped a second time, under a key derived from a passkey's PRF output (the
// WebAuthn `prf` extension): PRF output → HKDF-SHA-256 (its own purpose label) → AES-256-GCM.
// The credential id and the PRF salt are bound as associated data, so a wrap moved to another
// credential, or given another salt, fails the tag like any edit of its bytes. Nothing derived
// from the PRF output is returned or kept: only the wrapped vault key is stored. Pure.
import { IV_BYTES, KEY_BYTES, open, seal, TAG_BYTES } from "./aes-gcm";
import { base64ToBytes, bytesToBase64 } from "./base64";
import { copyBytes, randomBytes, utf8, type Bytes } from "./bytes";
import { HKDF_INFO } from "./kdf";

/** The PRF input drawn at random for each registered passkey. */
export const PRF_SALT_BYTES = 32;
/** What the PRF extension answers (HMAC-SHA-256). */
export const PRF_OUTPUT_BYTES = 32;

/** The stored part of one passkey wrap: base64 throughout. */
export interface PasskeyWrapped {
  /** The credential id (raw bytes, base64). */
  credentialId: string;
  /** The PRF input (32 bytes). */
  salt: string;
  /** AES-GCM IV (12 bytes). */
  iv: string;
  /** The wrapped vault key, ciphertext + tag (48 bytes). */
  key: string;
}

export function newPrfSalt(): Bytes {
  return randomBytes(PRF_SALT_BYTES);
}

function wrapAad(credentialId: string, salt: string): Bytes {
  return utf8(`iamoffice-login/passkey-wrap/v1\n${credentialId}\n${salt}`);
}

async function passkeyKey(prf: Uint8Array, salt: Bytes): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey("raw", copyBytes(prf), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt, info: utf8(HKDF_INFO.passkey) },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

const decodes = (text: unknown, length: number): Bytes | null => {
  const bytes = typeof text === "string" ? base64ToBytes(text) : null;
  return bytes && bytes.length === length ? bytes : null;
};

/** Throws a RangeError on a wrong-sized key, PRF output or salt (a caller bug). */
export async function wrapWithPasskey(
  vaultKey: Uint8Array,
  prf: Uint8Array,
  credentialId: string,
  salt: string,
): Promise<PasskeyWrapped> {
  const saltBytes = decodes(salt, PRF_SALT_BYTES);
  if (vaultKey.length !== KEY_BYTES || prf.length !== PRF_OUTPUT_BYTES || !saltBytes) {
    throw new RangeError("passkey wrap: wrong sizes");
  }
  const key = await passkeyKey(prf, saltBytes);
  const { iv, ct } = await seal(key, copyBytes(vaultKey), wrapAad(credentialId, salt));
  return { credentialId, salt, iv: bytesToBase64(iv), key: bytesToBase64(ct) };
}

/**
 * The vault key, or null: a PRF output of another credential or salt, an edited IV, wrapped
 * key, credential id or salt all fail the tag alike. Never throws.
 */
export async function unwrapWithPasskey(
  prf: Uint8Array,
  wrapped: PasskeyWrapped,
): Promise<Bytes | null> {
  const salt = decodes(wrapped.salt, PRF_SALT_BYTES);
  const iv = decodes(wrapped.iv, IV_BYTES);
  const ct = decodes(wrapped.key, KEY_BYTES + TAG_BYTES);
  if (!salt || !iv || !ct || prf.length !== PRF_OUTPUT_BYTES) return null;
  try {
    const key = await passkeyKey(prf, salt);
    return await open(key, iv, ct, wrapAad(wrapped.credentialId, wrapped.salt));
  } catch {
    return null;
  }
}
