// The sealed record store of a format-2 vault. One AES-GCM record per entry under the vault
// key, plus an "index" record under the same key holding the revision and, per record id in
// storage order, the SHA-256 of that record's IV + ciphertext (src/crypto/records.ts). A record
// alone still opens when an older ciphertext of itself is put back (its associated data binds
// only its id and the format version); against the index it no longer matches, and the whole
// read fails closed. What stays undetectable: the whole vault put back to an older, consistent
// copy, since nothing outside the profile remembers the latest revision.
import type { Entry } from "../protocol";
import type { StoredVault } from "../storage/schema";
import {
  createVault,
  decryptRecord,
  encryptRecord,
  importVaultKey,
  recordDigest,
  type EncryptedRecord,
  type VaultKey,
} from "../crypto/vault-crypto";
import { isRecord, type Bytes } from "../crypto/bytes";
import { validateEntry } from "../crypto/entry-validate";
import { failure, type Outcome } from "../crypto/outcome";

/** The index's record id. It cannot collide with an entry id (those are UUIDs). */
export const INDEX_ID = "index";

interface IndexBody {
  revision: number;
  records: { id: string; sha256: string }[];
}

const isIndexBody = (v: unknown): v is IndexBody =>
  isRecord(v) &&
  Number.isSafeInteger(v.revision) &&
  Array.isArray(v.records) &&
  v.records.every((r) => isRecord(r) && typeof r.id === "string" && typeof r.sha256 === "string");

export const isEntry = (v: unknown): v is Entry => validateEntry(v) !== null;

/** Encrypts every entry (a fresh IV each) and seals their digests with the revision. */
export async function sealRecords(
  vaultKey: VaultKey,
  entries: readonly Entry[],
  revision: number,
): Promise<{ records: EncryptedRecord[]; index: EncryptedRecord }> {
  const key = vaultKey instanceof Uint8Array ? await importVaultKey(vaultKey) : vaultKey;
  const records: EncryptedRecord[] = [];
  const sealed: IndexBody["records"] = [];
  for (const e of entries) {
    const rec = await encryptRecord(key, e.id, e);
    const sha256 = await recordDigest(rec);
    // encryptRecord writes canonical base64: a null digest would be a bug of ours.
    if (sha256 === null) throw new Error("record digest of our own record failed");
    records.push(rec);
    sealed.push({ id: rec.id, sha256 });
  }
  const body: IndexBody = { revision, records: sealed };
  return { records, index: await encryptRecord(key, INDEX_ID, body) };
}

/**
 * The entries of a format-2 vault, or "tampered" when the index does not open, names another
 * revision, other ids or another order, or any record's digest differs from the sealed one, or
 * any record does not open. Never writes anything.
 */
export async function openRecords(
  vaultKey: VaultKey,
  vault: Pick<StoredVault, "records" | "index" | "revision">,
): Promise<Outcome<Entry[], "tampered">> {
  const key = vaultKey instanceof Uint8Array ? await importVaultKey(vaultKey) : vaultKey;
  const index = await decryptRecord<IndexBody>(key, vault.index, {
    expectedId: INDEX_ID,
    validate: isIndexBody,
  });
  if (!index.ok || index.value.revision !== vault.revision) return failure("tampered");
  const sealed = index.value.records;
  if (sealed.length !== vault.records.length) return failure("tampered");
  const entries: Entry[] = [];
  for (const [i, rec] of vault.records.entries()) {
    const want = sealed[i];
    if (!want || want.id !== rec.id || (await recordDigest(rec)) !== want.sha256) {
      return failure("tampered");
    }
    const d = await decryptRecord<Entry>(key, rec, { expectedId: rec.id, validate: isEntry });
    if (!d.ok || d.value.id !== rec.id) return failure("tampered");
    entries.push(d.value);
  }
  return { ok: true, value: entries };
}

/**
 * A whole new format-2 vault under a NEW random vault key wrapped under `password`: the entries
 * re-encrypted, the index re-sealed. Used to create a vault, to change the master password and
 * to migrate format 1, so no key outlives a change of password or of format.
 */
export async function sealNewVault(
  password: string,
  entries: readonly Entry[],
  revision: number,
): Promise<{ vault: StoredVault; vaultKey: Bytes }> {
  const { wrapped, vaultKey } = await createVault(password, 2);
  const { records, index } = await sealRecords(vaultKey, entries, revision);
  return { vault: { format: 2, wrapped, records, index, revision }, vaultKey };
}
