// Backup import, in the order of what it costs: the vault's state and the file's envelope (size,
// format, KDF bounds) are checked first, so a locked vault or a hostile file never reaches the
// deliberately slow Argon2id derivation. Import is all-or-nothing: the vault is written once,
// at the end, or not at all.
import type { Failure, ImportReport, Result } from "../protocol";
import { decryptBackup } from "../crypto/backup";
import { readBackupEnvelope } from "../crypto/backup-format";
import { mergeEntries } from "../entries-merge";
import * as vault from "./vault";

/** Why nothing can be imported now, from the vault's state alone (no decryption). */
async function notUnlocked(): Promise<Failure | null> {
  const { state } = await vault.status();
  if (state === "unlocked") return null;
  return { ok: false, error: state === "none" ? "no_vault" : state };
}

export async function importBackup(request: {
  text: string;
  password: string;
  mode: "merge" | "replace";
  revision: number;
}): Promise<Result<ImportReport>> {
  const refused = await notUnlocked();
  if (refused) return refused;
  const envelope = readBackupEnvelope(request.text);
  if (!envelope.ok) return envelope;
  const parsed = await decryptBackup(envelope.value, request.password);
  if (!parsed.ok) return parsed;
  // Read after the derivation: the vault may have been locked or changed meanwhile.
  const current = await vault.entries();
  if (!Array.isArray(current)) return current;
  const { next, report } = mergeEntries(current, parsed.value, request.mode, Date.now());
  const w = await vault.replaceAll(request.revision, next);
  return w.ok ? { ok: true, value: report } : w;
}
