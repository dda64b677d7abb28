// Format 1 of the stored vault, read only by the unlock (or change of master password) that
// migrates it to format 2 (lifecycle.ts). Two shapes exist: 0.0.x previews stored the records
// alone (the schema 1 → 2 storage migration gave them `revision: 0`), and 0.1 added an index
// sealing the record ids and the revision, checked here as strictly as 0.1 did. The key that
// opens these is never used again: the migration re-encrypts under a new one.
import { failure, type Outcome } from "../../crypto/outcome";
import { decryptRecord } from "../../crypto/vault-crypto";
import type { Entry } from "../../entries/rules";
import { isInteger, isRecord, isStringArray } from "../../guards";
import type { LegacyVault } from "../../storage/schema";
import { INDEX_ID, openOne } from "./sealed";

interface LegacyIndexBody {
  ids: string[];
  revision: number;
}

const isLegacyIndexBody = (v: unknown): v is LegacyIndexBody =>
  isRecord(v) && isStringArray(v.ids) && isInteger(v.revision);

/** The entries of a format-1 vault, or "tampered" (its index or any record fails). */
export async function openLegacyRecords(
  key: CryptoKey,
  vault: LegacyVault,
): Promise<Outcome<Entry[], "tampered">> {
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
    const entry = await openOne(key, rec);
    if (!entry) return failure("tampered");
    entries.push(entry);
  }
  return { ok: true, value: entries };
}
