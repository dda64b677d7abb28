// Entry operations on the unlocked vault: read (every read checks the sealed index and each
// record, src/background/sealed-vault.ts), and writes of the whole list as one storage write.
import type { Entry, EntryInput, EntrySummary, Failure, Result } from "../protocol";
import { local } from "../storage";
import type { StoredVault } from "../storage/schema";
import { findDuplicate, validateEntryInput } from "../entries";
import { openRecords, sealRecords } from "./sealed-vault";
import { fail, readVault, sessionKey } from "./vault-state";
import { serial } from "./serial";

interface Open {
  vault: StoredVault;
  key: Uint8Array;
  entries: Entry[];
}

async function open(): Promise<Open | Failure> {
  const v = await readVault();
  if (v === "none") return fail("no_vault");
  if (v === "corrupt") return fail("corrupt");
  // Format 1 is migrated by the next unlock, which needs the master password.
  if (v.format !== 2) return fail("locked");
  const key = await sessionKey();
  if (!key) return fail("locked");
  // A removed, added, reordered, replayed or altered record fails closed: the whole read
  // fails and nothing is rewritten.
  const r = await openRecords(key, v);
  if (!r.ok) return fail("tampered");
  return { vault: v, key, entries: r.value };
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

export async function get(id: string): Promise<Result<Entry>> {
  const o = await open();
  if ("ok" in o) return o;
  const e = o.entries.find((x) => x.id === id);
  return e ? { ok: true, value: e } : fail("not_found");
}

/** Writes the whole entry list as one storage write: either all of it lands or none. */
async function write(
  o: Open,
  next: Entry[],
  { bump = true }: { bump?: boolean } = {},
): Promise<Result<{ revision: number }>> {
  // Only changes a user edits bump the revision: a login's lastUsedAt must not make an open
  // options page's next save "stale".
  const revision = o.vault.revision + (bump ? 1 : 0);
  const { records, index } = await sealRecords(o.key, next, revision);
  const vault: StoredVault = { ...o.vault, records, index, revision };
  try {
    await local.set({ vault });
  } catch {
    return fail("storage_failed");
  }
  return { ok: true, value: { revision: vault.revision } };
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

export function markUsed(id: string, now = Date.now()): Promise<Result> {
  return serial(async () => {
    const o = await open();
    if ("ok" in o) return o;
    if (!o.entries.some((e) => e.id === id)) return fail("not_found");
    const w = await write(
      o,
      o.entries.map((e) => (e.id === id ? { ...e, lastUsedAt: now } : e)),
      { bump: false },
    );
    return w.ok ? { ok: true } : w;
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
