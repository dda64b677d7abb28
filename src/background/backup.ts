// Backup export and import, each in the order of what it costs: cheap refusals (the password
// rule, the vault's state, the file's size, format and KDF bounds) come before the deliberately
// slow Argon2id derivation, so a locked vault or a hostile file never reaches it. Import is
// all-or-nothing: the vault is written once, at the end, or not at all.
import { decryptBackup, exportBackup } from "../crypto/backup";
import { readBackupEnvelope } from "../crypto/backup-format";
import { mergeEntries, type ImportChoice, type ImportOutcome } from "../entries/merge";
import { isLongEnough } from "../master-password";
import { fail, type Failure, type Result } from "../result";
import * as vault from "./vault";

/** Why nothing can be imported now, from the vault's state alone (no decryption). */
async function notUnlocked(): Promise<Failure | null> {
  const { state } = await vault.status();
  if (state === "unlocked") return null;
  return fail(state === "none" ? "no_vault" : state);
}

/**
 * A backup password is a new password guarding every saved one: it is held to the master
 * password's length rule (the options page adds the strength score). Only here, where it is
 * chosen — typing an existing backup's password on import is never refused for its length.
 */
export async function exportBackupFile(password: string): Promise<Result<string>> {
  if (!isLongEnough(password)) return fail("weak_password", { fields: { password: "too_short" } });
  const all = await vault.entries();
  if (!Array.isArray(all)) return all;
  return { ok: true, value: await exportBackup(all, password, Date.now()) };
}

export async function importBackup(request: {
  text: string;
  password: string;
  mode: "merge" | "replace";
  revision: number;
  choices: ReadonlyMap<string, ImportChoice>;
}): Promise<Result<ImportOutcome>> {
  const refused = await notUnlocked();
  if (refused) return refused;
  const envelope = readBackupEnvelope(request.text);
  if (!envelope.ok) return envelope;
  const parsed = await decryptBackup(envelope.value, request.password);
  if (!parsed.ok) return parsed;
  // Read after the derivation: the vault may have been locked or changed meanwhile.
  const current = await vault.entries();
  if (!Array.isArray(current)) return current;
  const merged = mergeEntries(current, parsed.value, request.mode, Date.now(), request.choices);
  // Unclear conflicts go back to the user before anything is written.
  if (merged.status === "conflicts") return { ok: true, value: merged };
  const w = await vault.replaceAll(request.revision, merged.next);
  return w.ok ? { ok: true, value: { status: "done", report: merged.report } } : w;
}
