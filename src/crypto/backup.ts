// Backup export and import. The file is plain JSON so users can recognise it, but nothing about
// the entries is readable: names, workspaces, identifiers, passwords and even the entry count
// are inside the ciphertext. Its key comes from the export password through Argon2id + HKDF
// with a fresh salt, under the "backup" purpose label.
import { isRecord } from "../guards";
import { validateEntries, type Entry } from "../entries/rules";
import { open, seal } from "./aes-gcm";
import { bytesToBase64 } from "./base64";
import { paddedJson, utf8Decode } from "./bytes";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupAad,
  readBackupEnvelope,
  type BackupEnvelope,
  type BackupFile,
  type EnvelopeError,
} from "./backup-format";
import { deriveKey } from "./kdf";
import { newKdfHeader } from "./kdf-header";
import { failure, type Outcome } from "./outcome";

export { MAX_BACKUP_CHARS } from "./backup-format";

export type BackupError =
  EnvelopeError | "backup_wrong_password" | "backup_invalid_entries" | "internal";

/** Padding block of the encrypted payload: the file size only hints at the entry count. */
const BACKUP_BLOCK = 256;

/**
 * Throws a RangeError if `now` is not a non-negative integer (pass Date.now()): the date is
 * part of the authenticated header, so it must print the same way on every engine.
 */
export async function exportBackup(
  entries: Entry[],
  password: string,
  now: number,
): Promise<string> {
  if (!Number.isSafeInteger(now) || now < 0) throw new RangeError("now must be epoch ms");
  const kdf = newKdfHeader();
  const key = await deriveKey(password, kdf, "backup");
  const header = { version: BACKUP_VERSION, createdAt: now, kdf: kdf.header } as const;
  const { iv, ct } = await seal(key, paddedJson({ entries }, BACKUP_BLOCK), backupAad(header));
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    ...header,
    iv: bytesToBase64(iv),
    ciphertext: bytesToBase64(ct),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Never throws, whatever `text` is. A wrong password and an edited file are indistinguishable
 * under AES-GCM, so both give "backup_wrong_password" (the message must mention both).
 */
export async function parseBackup(
  text: string,
  password: string,
): Promise<Outcome<Entry[], BackupError>> {
  const envelope = readBackupEnvelope(text);
  if (!envelope.ok) return envelope;
  return decryptBackup(envelope.value, password);
}

/**
 * The slow half of parseBackup: derives the key (Argon2id) and decrypts. Takes an envelope that
 * readBackupEnvelope accepted, so a caller can make its own cheap checks between the two.
 */
export async function decryptBackup(
  envelope: BackupEnvelope,
  password: string,
): Promise<Outcome<Entry[], BackupError>> {
  const { file, kdf, iv, ct } = envelope;
  let key: CryptoKey;
  try {
    key = await deriveKey(password, kdf, "backup");
  } catch {
    return failure("internal");
  }
  const plain = await open(key, iv, ct, backupAad(file));
  if (!plain) return failure("backup_wrong_password");
  const json = utf8Decode(plain);
  let payload: unknown;
  try {
    payload = json === null ? null : JSON.parse(json);
  } catch {
    return failure("backup_invalid_entries");
  }
  const entries = isRecord(payload) ? validateEntries(payload.entries) : null;
  return entries ? { ok: true, value: entries } : failure("backup_invalid_entries");
}
