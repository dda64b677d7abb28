// Format 1 of the stored vault, read only by the unlock (or change of master password) that
// migrates it to format 2 (src/background/vault.ts). Two shapes exist: 0.0.x previews stored
// the records alone (the schema 1 → 2 storage migration gave them `revision: 0`), and 0.1 added
// an index sealing the record ids and the revision, checked here as strictly as 0.1 did. The
// key that opens these is never used again: the migration re-encrypts under a new one.
import type { Entry } from "../protocol";
import type { LegacyVault } from "../storage/schema";
import { decryptRecord, importVaultKey, type VaultKey } from "../crypto/vault-crypto";
import { isRecord } from "../crypto/bytes";
import { failure, type Outcome } from "../crypto/outcome";
import { INDEX_ID, isEntry } from "./sealed-vault";

interface LegacyIndexBody {
  ids: string[];
  revision: number;
}

const isLegacyIndexBody = (v: unknown): v is LegacyIndexBody =>
  isRecord(v) &&
  Array.isArray(v.ids) &&
  v.ids.every((id) => typeof id === "string") &&
  Number.isInteger(v.revision);

/** The entries of a format-1 vault, or "tampered" (its index or any record fails). */
export async function openLegacyRecords(
  vaultKey: VaultKey,
  vault: LegacyVault,
): Promise<Outcome<Entry[], "tampered">> {
  const key = vaultKey instanceof Uint8Array ? await importVaultKey(vaultKey) : vaultKey;
  if (vault.index !== undefined) {
    const index = await decryptRecord<LegacyIndexBody>(key, vault.index, {
      expectedId: INDEX_ID,
      validate: isLegacyIndexBody,
    });
    if (
      !index.ok ||
      index.value.revision !== vault.revision ||
      index.value.ids.join("\n") !== vault.records.map((r) => r.id).join("\n")
    ) {
      return failure("tampered");
    }
  }
  const entries: Entry[] = [];
  for (const rec of vault.records) {
    const d = await decryptRecord<Entry>(key, rec, { expectedId: rec.id, validate: isEntry });
    if (!d.ok || d.value.id !== rec.id) return failure("tampered");
    entries.push(d.value);
  }
  return { ok: true, value: entries };
}
