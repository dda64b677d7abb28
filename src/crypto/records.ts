// One encrypted record per entry, under the vault key. The associated data names the format
// version and the record id, so a ciphertext copied or swapped onto another id fails to open.
// What AAD cannot catch: a whole record deleted, or replaced by an older copy of itself
// (rollback). The vault's sealed index catches those: it keeps each record's `recordDigest`
// (src/background/vault/sealed.ts).
import { importAesKey, IV_BYTES, open, seal, TAG_BYTES } from "./aes-gcm";
import { base64ToBytes, bytesToBase64 } from "./base64";
import { MAX_ID_LENGTH } from "../entries/rules";
import { isRecord } from "../guards";
import { paddedJson, utf8, utf8Decode, type Bytes } from "./bytes";
import { failure, type Outcome } from "./outcome";

export interface EncryptedRecord {
  id: string;
  /** base64, 12 bytes, fresh for every write. */
  iv: string;
  /** base64 of AES-GCM ciphertext+tag of the padded JSON value. */
  ct: string;
}

/** Raw 32 bytes, or the key `importAesKey` made of them, imported once for many records. */
export type VaultKey = Uint8Array | CryptoKey;

/** Records are padded to this many bytes so lengths do not betray password lengths. */
const RECORD_BLOCK = 64;

const asKey = (k: VaultKey): Promise<CryptoKey> =>
  k instanceof Uint8Array ? importAesKey(k) : Promise.resolve(k);

function recordAad(id: string): Bytes {
  return utf8(`iamoffice-login/entry/v1/${id}`);
}

const validId = (id: unknown): id is string =>
  typeof id === "string" && id.length > 0 && id.length <= MAX_ID_LENGTH;

/**
 * SHA-256 of a stored record's IV followed by its ciphertext+tag, base64; null when either is
 * not canonical base64. Every write draws a fresh IV, so an older ciphertext of the same record
 * never has the current digest.
 */
export async function recordDigest(rec: { iv: string; ct: string }): Promise<string | null> {
  const iv = base64ToBytes(rec.iv);
  const ct = base64ToBytes(rec.ct);
  if (!iv || !ct) return null;
  const both = new Uint8Array(iv.length + ct.length);
  both.set(iv);
  both.set(ct, iv.length);
  return bytesToBase64(new Uint8Array(await crypto.subtle.digest("SHA-256", both)));
}

/**
 * Throws only on caller bugs: a vault key that is not 32 bytes, an empty or over-long id, or
 * a value JSON.stringify cannot serialise.
 */
export async function encryptRecord(
  vaultKey: VaultKey,
  id: string,
  value: object,
): Promise<EncryptedRecord> {
  if (!validId(id)) throw new RangeError("record id must be 1 to 256 characters");
  const { iv, ct } = await seal(
    await asKey(vaultKey),
    paddedJson(value, RECORD_BLOCK),
    recordAad(id),
  );
  return { id, iv: bytesToBase64(iv), ct: bytesToBase64(ct) };
}

export interface DecryptOptions<T> {
  /** The id the caller expects here: a whole record moved to another slot is "tampered". */
  expectedId?: string;
  /** Shape check of the decrypted value; failing it gives "malformed". */
  validate?: (value: unknown) => value is T;
}

/**
 * Never throws for bad data. "malformed": the record is not even shaped like one of ours (or
 * the decrypted value fails `validate`). "tampered": it is shaped right but does not open under
 * this key with this id. Without `validate`, `T` is the caller's unchecked assertion.
 */
export async function decryptRecord<T = unknown>(
  vaultKey: VaultKey,
  rec: unknown,
  options: DecryptOptions<T> = {},
): Promise<Outcome<T, "tampered" | "malformed">> {
  if (!isRecord(rec) || !validId(rec.id)) return failure("malformed");
  if (typeof rec.iv !== "string" || typeof rec.ct !== "string") return failure("malformed");
  const iv = base64ToBytes(rec.iv);
  const ct = base64ToBytes(rec.ct);
  if (!iv || iv.length !== IV_BYTES || !ct || ct.length < TAG_BYTES) return failure("malformed");
  if (options.expectedId !== undefined && options.expectedId !== rec.id) return failure("tampered");
  let key: CryptoKey;
  try {
    key = await asKey(vaultKey);
  } catch {
    return failure("malformed");
  }
  const plain = await open(key, iv, ct, recordAad(rec.id));
  if (!plain) return failure("tampered");
  const text = utf8Decode(plain);
  let value: unknown;
  try {
    value = text === null ? undefined : JSON.parse(text);
  } catch {
    return failure("malformed");
  }
  if (value === undefined || (options.validate && !options.validate(value))) {
    return failure("malformed");
  }
  return { ok: true, value: value as T };
}
