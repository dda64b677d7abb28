// The vault key: 32 random bytes that encrypt every entry, stored only wrapped (AES-GCM) under a
// key derived from the master password. The vault service never re-wraps a key under a new
// password: a change of master password draws a new vault key and re-encrypts every entry
// (src/background/vault/lifecycle.ts), so an old copy of the profile opened with the old
// password cannot read what was written after the change.
import { IV_BYTES, KEY_BYTES, open, seal, TAG_BYTES } from "./aes-gcm";
import { base64ToBytes, bytesToBase64 } from "./base64";
import { isRecord } from "../guards";
import { randomBytes, utf8, type Bytes } from "./bytes";
import { deriveKey } from "./kdf";
import { canonicalKdf, checkKdfHeader, newKdfHeader, type KdfHeader } from "./kdf-header";

export type { EncryptedRecord, VaultKey } from "./records";
export { decryptRecord, encryptRecord, recordDigest } from "./records";
export type { KdfHeader } from "./kdf-header";

export interface WrappedVault {
  kdf: KdfHeader;
  /** base64, 12 bytes. */
  iv: string;
  /** base64 of the AES-GCM ciphertext+tag of the 32-byte vault key (48 bytes). */
  key: string;
}

export type UnwrapError = "wrong_password" | "kdf_too_weak" | "malformed" | "internal";

/**
 * The stored vault's format version (src/storage/schema.ts). It is bound into the wrapped key's
 * associated data, so a format-2 vault relabelled as format 1 (whose weaker record index the
 * unlock would migrate without question) no longer unwraps. Every function here defaults to
 * format 1, the format of the frozen v1 fixtures; the vault service always names its format.
 */
export type VaultFormat = 1 | 2;

/** Binds the format and the whole KDF header to the wrapped key: an edit fails the GCM tag. */
function wrapAad(kdf: KdfHeader, format: VaultFormat): Bytes {
  return utf8(`iamoffice-login/vault-key/v${format}\n${canonicalKdf(kdf)}`);
}

async function wrap(
  vaultKey: Uint8Array,
  password: string,
  format: VaultFormat,
): Promise<WrappedVault> {
  if (vaultKey.length !== KEY_BYTES) throw new RangeError("vault key must be 32 bytes");
  const kdf = newKdfHeader();
  const wrapKey = await deriveKey(password, kdf, "wrap");
  const { iv, ct } = await seal(wrapKey, new Uint8Array(vaultKey), wrapAad(kdf.header, format));
  return { kdf: kdf.header, iv: bytesToBase64(iv), key: bytesToBase64(ct) };
}

/** A new random vault key, wrapped under `password` with a fresh salt and IV. */
export async function createVault(
  password: string,
  format: VaultFormat = 1,
): Promise<{ wrapped: WrappedVault; vaultKey: Bytes }> {
  const vaultKey = randomBytes(KEY_BYTES);
  return { wrapped: await wrap(vaultKey, password, format), vaultKey };
}

/**
 * Wraps the same vault key under a new password with a fresh salt and IV. The old wrapped
 * blob still opens with the old password, and so does every record under that key: the vault
 * service uses `createVault` on a change of password instead.
 * Throws a RangeError if `vaultKey` is not 32 bytes (a caller bug, not stored data).
 */
export function rewrapVaultKey(
  vaultKey: Uint8Array,
  newPassword: string,
  format: VaultFormat = 1,
): Promise<WrappedVault> {
  return wrap(vaultKey, newPassword, format);
}

/**
 * Never throws. GCM cannot tell a wrong password from an edited salt, IV or wrapped key, or a
 * `format` other than the one it was wrapped for (all just fail the tag), so all of those
 * report "wrong_password". A header below the minimum
 * cost is refused as "kdf_too_weak" before any derivation runs.
 */
export async function unwrapVaultKey(
  password: string,
  wrapped: unknown,
  format: VaultFormat = 1,
): Promise<{ ok: true; vaultKey: Bytes } | { ok: false; error: UnwrapError }> {
  if (!isRecord(wrapped) || typeof wrapped.iv !== "string" || typeof wrapped.key !== "string") {
    return { ok: false, error: "malformed" };
  }
  const iv = base64ToBytes(wrapped.iv);
  const ct = base64ToBytes(wrapped.key);
  if (!iv || iv.length !== IV_BYTES || !ct || ct.length !== KEY_BYTES + TAG_BYTES) {
    return { ok: false, error: "malformed" };
  }
  const kdf = checkKdfHeader(wrapped.kdf);
  if (!kdf.ok) return kdf;
  let wrapKey: CryptoKey;
  try {
    wrapKey = await deriveKey(password, kdf.value, "wrap");
  } catch {
    return { ok: false, error: "internal" };
  }
  const vaultKey = await open(wrapKey, iv, ct, wrapAad(kdf.value.header, format));
  return vaultKey ? { ok: true, vaultKey } : { ok: false, error: "wrong_password" };
}
