// The sealed record store of a format-2 vault. One AES-GCM record per entry under the vault
// key, plus an "index" record under the same key holding the revision and, per record id in
// storage order, the SHA-256 of that record's IV + ciphertext (src/crypto/records.ts). A record
// alone still opens when an older ciphertext of itself is put back (its associated data binds
// only its id and the format version); against the index it no longer matches, and the read
// fails closed. What stays undetectable: the whole vault put back to an older, consistent copy,
// since nothing outside the profile remembers the latest revision.
//
// The index is checked whole before any record is used, so one entry can be read (or rewritten)
// without decrypting the others: every record's digest is compared with the sealed one first.
import { importAesKey } from "../../crypto/aes-gcm";
import type { Bytes } from "../../crypto/bytes";
import { failure, type Outcome } from "../../crypto/outcome";
import {
  createVault,
  decryptRecord,
  encryptRecord,
  recordDigest,
  type EncryptedRecord,
} from "../../crypto/vault-crypto";
import { validateEntry, type Entry } from "../../entries/rules";
import { isRecord, isSafeInteger, isString } from "../../guards";
import type { StoredVault } from "../../storage/schema";

/** The index's record id. It cannot collide with an entry id (those are UUIDs). */
export const INDEX_ID = "index";

type Sealed = Pick<StoredVault, "records" | "index" | "revision">;

interface IndexBody {
  revision: number;
  records: { id: string; sha256: string }[];
}

const isIndexBody = (v: unknown): v is IndexBody =>
  isRecord(v) &&
  isSafeInteger(v.revision) &&
  Array.isArray(v.records) &&
  v.records.every((r) => isRecord(r) && isString(r.id) && isString(r.sha256));

export const isEntry = (v: unknown): v is Entry => validateEntry(v) !== null;

/** Encrypts every entry (a fresh IV each) and seals their digests with the revision. */
export async function sealRecords(
  key: CryptoKey,
  entries: readonly Entry[],
  revision: number,
): Promise<Pick<StoredVault, "records" | "index">> {
  const records: EncryptedRecord[] = [];
  const sealed: IndexBody["records"] = [];
  for (const e of entries) {
    const rec = await encryptRecord(key, e.id, e);
    records.push(rec);
    sealed.push({ id: rec.id, sha256: await digestOf(rec) });
  }
  return { records, index: await encryptRecord(key, INDEX_ID, { revision, records: sealed }) };
}

async function digestOf(rec: EncryptedRecord): Promise<string> {
  const sha256 = await recordDigest(rec);
  // encryptRecord writes canonical base64: a null digest would be a bug of ours.
  if (sha256 === null) throw new Error("record digest of our own record failed");
  return sha256;
}

/**
 * The index, checked against the stored records: it opens, names the stored revision, the same
 * ids in the same order, and each record's current digest. Decrypts the index only.
 */
export async function openIndex(
  key: CryptoKey,
  vault: Sealed,
): Promise<Outcome<IndexBody, "tampered">> {
  const index = await decryptRecord<IndexBody>(key, vault.index, {
    expectedId: INDEX_ID,
    validate: isIndexBody,
  });
  if (!index.ok || index.value.revision !== vault.revision) return failure("tampered");
  const sealed = index.value.records;
  if (sealed.length !== vault.records.length) return failure("tampered");
  // Every digest at once: each is a round trip to WebCrypto (50 entries: the popup's list).
  const digests = await Promise.all(vault.records.map((rec) => recordDigest(rec)));
  const matches = vault.records.every((rec, i) => {
    const want = sealed[i];
    return want !== undefined && want.id === rec.id && digests[i] === want.sha256;
  });
  return matches ? { ok: true, value: index.value } : failure("tampered");
}

/** One entry record, checked to be the entry its id says; null when it is not. */
export async function openOne(key: CryptoKey, rec: EncryptedRecord): Promise<Entry | null> {
  const d = await decryptRecord<Entry>(key, rec, { expectedId: rec.id, validate: isEntry });
  return d.ok && d.value.id === rec.id ? d.value : null;
}

/**
 * The entries of a format-2 vault, or "tampered" when the index does not open, names another
 * revision, other ids or another order, or any record's digest differs from the sealed one, or
 * any record does not open. Never writes anything.
 */
export async function openRecords(
  key: CryptoKey,
  vault: Sealed,
): Promise<Outcome<Entry[], "tampered">> {
  // The records are decrypted while the index is checked, all at once; none is used unless the
  // index and every record check out.
  const [index, opened] = await Promise.all([
    openIndex(key, vault),
    Promise.all(vault.records.map((rec) => openOne(key, rec))),
  ]);
  if (!index.ok) return index;
  const entries = opened.filter((e): e is Entry => e !== null);
  return entries.length === opened.length ? { ok: true, value: entries } : failure("tampered");
}

/** One entry, after the same check of the index and of every record's digest. */
export async function openEntry(
  key: CryptoKey,
  vault: Sealed,
  id: string,
): Promise<Outcome<Entry, "tampered" | "not_found">> {
  const index = await openIndex(key, vault);
  if (!index.ok) return index;
  const rec = vault.records.find((r) => r.id === id);
  if (!rec) return failure("not_found");
  const entry = await openOne(key, rec);
  return entry ? { ok: true, value: entry } : failure("tampered");
}

/**
 * The records and index with one entry changed by `change` (its id kept) and re-encrypted under
 * a fresh IV, its digest re-sealed; every other record, and the digest sealed for it, is carried
 * over as it is, undecrypted. Same revision. The same checks as `openEntry` come first.
 */
export async function rewriteEntry(
  key: CryptoKey,
  vault: Sealed,
  id: string,
  change: (entry: Entry) => Entry,
): Promise<Outcome<Pick<StoredVault, "records" | "index">, "tampered" | "not_found">> {
  const index = await openIndex(key, vault);
  if (!index.ok) return index;
  const old = vault.records.find((r) => r.id === id);
  if (!old) return failure("not_found");
  const entry = await openOne(key, old);
  if (!entry) return failure("tampered");
  const rec = await encryptRecord(key, id, { ...change(entry), id });
  const sha256 = await digestOf(rec);
  const records = vault.records.map((r) => (r.id === id ? rec : r));
  const sealed = index.value.records.map((r) => (r.id === id ? { id, sha256 } : r));
  const body: IndexBody = { revision: vault.revision, records: sealed };
  return { ok: true, value: { records, index: await encryptRecord(key, INDEX_ID, body) } };
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
  const { records, index } = await sealRecords(await importAesKey(vaultKey), entries, revision);
  return { vault: { format: 2, wrapped, records, index, revision }, vaultKey };
}
