// The backup file's envelope, read without any cryptography: every way a file can fail to be a
// usable backup gets its own error code here, before the (deliberately slow) KDF is reached.
import { IV_BYTES, TAG_BYTES } from "./aes-gcm";
import { base64ToBytes } from "./base64";
import { isNonNegativeInt, isRecord } from "../guards";
import { utf8, type Bytes } from "./bytes";
import { canonicalKdf, checkKdfHeader, type CheckedKdf, type KdfHeader } from "./kdf-header";
import { failure, type Outcome } from "./outcome";

export const BACKUP_FORMAT = "iamoffice-login-backup";
export const BACKUP_VERSION = 1;
/** Counted in UTF-16 code units, which never exceed the file's UTF-8 byte count. */
export const MAX_BACKUP_CHARS = 5 * 1024 * 1024;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: number;
  kdf: KdfHeader;
  /** base64, 12 bytes. */
  iv: string;
  /** base64 AES-GCM ciphertext+tag of `{"entries":[...]}`. */
  ciphertext: string;
}

export interface BackupEnvelope {
  file: BackupFile;
  kdf: CheckedKdf;
  iv: Bytes;
  ct: Bytes;
}

export type EnvelopeError =
  | "backup_too_large"
  | "backup_not_ours"
  | "backup_truncated"
  | "backup_future_version"
  | "backup_tampered"
  | "kdf_too_weak";

const REQUIRED = ["createdAt", "kdf", "iv", "ciphertext"] as const;

/**
 * The header fields, in one fixed text, are the AES-GCM associated data: changing the date,
 * version or KDF parameters of a backup makes it fail to decrypt.
 */
export function backupAad(file: Pick<BackupFile, "version" | "createdAt" | "kdf">): Bytes {
  return utf8(
    `${BACKUP_FORMAT}\nversion=${file.version}\ncreatedAt=${file.createdAt}\n${canonicalKdf(file.kdf)}`,
  );
}

function parseJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

// A JSON parse failure on text that starts like our file and names our format is almost
// certainly a cut-off download or copy, which deserves a different message from "not ours".
const looksOurs = (text: string): boolean =>
  text.trimStart().startsWith("{") && text.includes(`"${BACKUP_FORMAT}"`);

export function readBackupEnvelope(input: unknown): Outcome<BackupEnvelope, EnvelopeError> {
  if (typeof input !== "string") return failure("backup_not_ours");
  // Length first: JSON.parse of a huge text would itself be the denial of service.
  if (input.length > MAX_BACKUP_CHARS) return failure("backup_too_large");
  const text = input.startsWith("\ufeff") ? input.slice(1) : input;
  const parsed = parseJson(text);
  if (!parsed) return failure(looksOurs(text) ? "backup_truncated" : "backup_not_ours");
  const raw = parsed.value;
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) return failure("backup_not_ours");

  // Version before the other fields: a future version may legitimately have different ones.
  if (raw.version === undefined) return failure("backup_truncated");
  if (Number.isSafeInteger(raw.version) && (raw.version as number) > BACKUP_VERSION) {
    return failure("backup_future_version");
  }
  if (raw.version !== BACKUP_VERSION) return failure("backup_tampered");
  if (REQUIRED.some((k) => raw[k] === undefined)) return failure("backup_truncated");

  const { createdAt, iv, ciphertext } = raw;
  if (!isNonNegativeInt(createdAt)) return failure("backup_tampered");
  if (typeof iv !== "string" || typeof ciphertext !== "string") return failure("backup_tampered");
  const ivBytes = base64ToBytes(iv);
  const ct = base64ToBytes(ciphertext);
  if (!ivBytes || ivBytes.length !== IV_BYTES || !ct || ct.length < TAG_BYTES) {
    return failure("backup_tampered");
  }
  const kdf = checkKdfHeader(raw.kdf);
  if (!kdf.ok) return failure(kdf.error === "kdf_too_weak" ? "kdf_too_weak" : "backup_tampered");

  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    kdf: kdf.value.header,
    iv,
    ciphertext,
  };
  return { ok: true, value: { file, kdf: kdf.value, iv: ivBytes, ct } };
}
