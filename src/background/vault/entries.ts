// Entry operations on the unlocked vault. Every read checks the sealed index and every record's
// digest (sealed.ts); a user's change rewrites the whole list in one storage write, and a
// login's "last used" date rewrites that one record and the index only.
import {
  findDuplicate,
  validateEntryInput,
  type Entry,
  type EntryInput,
  type EntrySummary,
} from "../../entries/rules";
import { fail, type Failure, type Result } from "../../result";
import type { StoredVault } from "../../storage/schema";
import { serial } from "../serial";
import { vaultKey } from "./key";
import { openEntry, openRecords, rewriteEntry, sealRecords } from "./sealed";
import { readVault, writeVault } from "./store";

interface Unlocked {
  vault: StoredVault;
  key: CryptoKey;
}

/** The format-2 vault and its key, or why there is none to use. Decrypts nothing. */
export async function unlocked(): Promise<Unlocked | Failure> {
  // Both reads at once: this is on the fill path.
  const [vault, key] = await Promise.all([readVault(), vaultKey()]);
  if (vault === "none") return fail("no_vault");
  if (vault === "corrupt") return fail("corrupt");
  // Format 1 is migrated by the next unlock, which needs the master password.
  if (vault.format !== 2) return fail("locked");
  return key ? { vault, key } : fail("locked");
}

interface Open extends Unlocked {
  entries: Entry[];
}

/**
 * Every entry. A removed, added, reordered, replayed or altered record fails closed: the whole
 * read fails and nothing is rewritten.
 */
async function open(): Promise<Open | Failure> {
  const u = await unlocked();
  if ("ok" in u) return u;
  const r = await openRecords(u.key, u.vault);
  return r.ok ? { ...u, entries: r.value } : fail("tampered");
}

const summary = ({ password: _p, ...rest }: Entry): EntrySummary => rest;

export async function list(): Promise<Result<{ entries: EntrySummary[]; revision: number }>> {
  const o = await open();
  if ("ok" in o) return o;
  return { ok: true, value: { entries: o.entries.map(summary), revision: o.vault.revision } };
}

export async function entries(): Promise<Entry[] | Failure> {
  const o = await open();
  return "ok" in o ? o : o.entries;
}

/** One entry: the index and every digest are checked, only this record is decrypted. */
export async function get(id: string): Promise<Result<Entry>> {
  const u = await unlocked();
  if ("ok" in u) return u;
  const r = await openEntry(u.key, u.vault, id);
  return r.ok ? r : fail(r.error);
}

/** A user's change: the whole list re-sealed under the next revision, in one storage write. */
async function write(o: Open, next: Entry[]): Promise<Result<{ revision: number }>> {
  const revision = o.vault.revision + 1;
  const sealed = await sealRecords(o.key, next, revision);
  const w = await writeVault({ ...o.vault, ...sealed, revision });
  return w.ok ? { ok: true, value: { revision } } : w;
}

export function save(args: {
  id?: string;
  input: unknown;
  revision: number;
  now?: number;
}): Promise<Result<{ id: string; revision: number }>> {
  return serial(async () => {
    const o = await open();
    if ("ok" in o) return o;
    if (args.revision !== o.vault.revision) return fail("stale_revision");
    const valid = validateEntryInput(args.input);
    if (!valid.ok) return fail("invalid_entry", { fields: valid.fields });
    const input: EntryInput = valid.value;
    const dup = findDuplicate(o.entries, input, args.id);
    if (dup) return fail("duplicate_entry", { detail: dup.name || dup.workspace });
    const now = args.now ?? Date.now();
    let next: Entry[];
    let id: string;
    if (args.id !== undefined) {
      const existing = o.entries.find((e) => e.id === args.id);
      if (!existing) return fail("not_found");
      id = existing.id;
      next = o.entries.map((e) => (e.id === id ? { ...e, ...input, updatedAt: now } : e));
    } else {
      id = crypto.randomUUID();
      next = [...o.entries, { id, ...input, createdAt: now, updatedAt: now, lastUsedAt: null }];
    }
    const w = await write(o, next);
    return w.ok ? { ok: true, value: { id, revision: w.value.revision } } : w;
  });
}

export function remove(id: string, revision: number): Promise<Result<{ revision: number }>> {
  return serial(async () => {
    const o = await open();
    if ("ok" in o) return o;
    if (revision !== o.vault.revision) return fail("stale_revision");
    if (!o.entries.some((e) => e.id === id)) return fail("not_found");
    return write(
      o,
      o.entries.filter((e) => e.id !== id),
    );
  });
}

/**
 * Records a login with this entry. Only its record and the index are rewritten, and the revision
 * stays: a login must not make an open options page's next save "stale".
 */
export function markUsed(id: string, now = Date.now()): Promise<Result> {
  return serial(async () => {
    const u = await unlocked();
    if ("ok" in u) return u;
    const r = await rewriteEntry(u.key, u.vault, id, (e) => ({ ...e, lastUsedAt: now }));
    if (!r.ok) return fail(r.error);
    return writeVault({ ...u.vault, ...r.value });
  });
}

/** Replaces the whole list (import). `revision` guards against a concurrent edit. */
export function replaceAll(revision: number, next: Entry[]): Promise<Result<{ revision: number }>> {
  return serial(async () => {
    const o = await open();
    if ("ok" in o) return o;
    if (revision !== o.vault.revision) return fail("stale_revision");
    return write(o, next);
  });
}
