// The vault service: lifecycle (create, unlock, lock, change password, reset) and entry CRUD.
// State lives in storage only: the encrypted blob in storage.local, the vault key in
// storage.session while unlocked. Nothing secret is kept in worker memory between events.

import type { Entry, EntryInput, EntrySummary, Failure, Result, VaultStatus } from "../protocol";
import { local, session } from "../storage";
import type { StoredVault } from "../storage/schema";
import {
  createVault as cryptoCreateVault,
  decryptRecord,
  encryptRecord,
  rewrapVaultKey,
  unwrapVaultKey,
} from "../crypto/vault-crypto";
import { base64ToBytes, bytesToBase64 } from "../crypto/base64";
import { findDuplicate, validateEntryInput } from "../entries";
import { validateEntry } from "../crypto/entry-validate";
import { isStoredVault } from "./vault-shape";
import { serial } from "./serial";
import { isLongEnough } from "../crypto/password-length";

const fail = (error: Failure["error"], extra: Omit<Failure, "ok" | "error"> = {}): Failure => ({
  ok: false,
  error,
  ...extra,
});

const isEntry = (v: unknown): v is Entry => validateEntry(v) !== null;

// The sealed record list. Its id cannot collide with an entry id (those are UUIDs).
const INDEX_ID = "index";
interface IndexBody {
  ids: string[];
  revision: number;
}
const isIndexBody = (v: unknown): v is IndexBody =>
  typeof v === "object" &&
  v !== null &&
  Array.isArray((v as IndexBody).ids) &&
  (v as IndexBody).ids.every((id) => typeof id === "string") &&
  Number.isInteger((v as IndexBody).revision);

function sealIndex(key: Uint8Array, ids: string[], revision: number) {
  return encryptRecord(key, INDEX_ID, { ids, revision });
}

// ---------- state ----------

async function readVault(): Promise<StoredVault | "none" | "corrupt"> {
  const raw = await local.get("vault");
  if (raw === undefined) return "none";
  return isStoredVault(raw) ? raw : "corrupt";
}

async function vaultKey(): Promise<Uint8Array | null> {
  const k = await session.get("vaultKey");
  return typeof k === "string" ? base64ToBytes(k) : null;
}

export async function status(now = Date.now()): Promise<VaultStatus> {
  const v = await readVault();
  const throttle = await local.get("unlockThrottle");
  const retryAfterMs = Math.max(0, (throttle?.notBefore ?? 0) - now);
  if (v === "none" || v === "corrupt") return { state: v, retryAfterMs: 0 };
  return { state: (await vaultKey()) ? "unlocked" : "locked", retryAfterMs };
}

// ---------- lifecycle ----------

export function create(password: string, confirm: string): Promise<Result> {
  return serial(async () => {
    if ((await readVault()) !== "none") return fail("vault_exists");
    if (password !== confirm) return fail("password_mismatch", { fields: { confirm: "mismatch" } });
    if (!isLongEnough(password)) {
      return fail("weak_password", { fields: { password: "too_short" } });
    }
    const { wrapped, vaultKey: key } = await cryptoCreateVault(password);
    const vault: StoredVault = {
      format: 1,
      wrapped,
      records: [],
      index: await sealIndex(key, [], 1),
      revision: 1,
    };
    await local.set({ vault });
    await session.set({ vaultKey: bytesToBase64(key) });
    return { ok: true };
  });
}

/** Growing delay after repeated failures: none for the first 3, then 1 s, 2 s, 4 s … 5 min. */
export function delayAfterFailures(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(1000 * 2 ** (failures - 3), 5 * 60_000);
}

/**
 * Checks the master password against the wrapped key, with the growing delay after failures.
 * Shared by unlock and change-password so neither is a faster oracle than the other.
 */
async function checkMaster(
  v: StoredVault,
  password: string,
): Promise<{ ok: true; vaultKey: Uint8Array } | Failure> {
  const now = Date.now();
  const throttle = (await local.get("unlockThrottle")) ?? { failures: 0, notBefore: 0 };
  if (now < throttle.notBefore) {
    return fail("too_many_attempts", { retryAfterMs: throttle.notBefore - now });
  }
  const r = await unwrapVaultKey(password, v.wrapped);
  if (!r.ok) {
    if (r.error === "wrong_password") {
      const failures = throttle.failures + 1;
      const notBefore = Date.now() + delayAfterFailures(failures);
      await local.set({ unlockThrottle: { failures, notBefore } });
      return fail("wrong_password", { retryAfterMs: notBefore - Date.now() });
    }
    if (r.error === "internal") return fail("internal");
    return fail(r.error === "kdf_too_weak" ? "kdf_too_weak" : "tampered");
  }
  if (throttle.failures) await local.set({ unlockThrottle: { failures: 0, notBefore: 0 } });
  return { ok: true, vaultKey: r.vaultKey };
}

export function unlock(password: string): Promise<Result> {
  return serial(async () => {
    const v = await readVault();
    if (v === "none") return fail("no_vault");
    if (v === "corrupt") return fail("corrupt");
    const r = await checkMaster(v, password);
    if (!r.ok) return r;
    await session.set({ vaultKey: bytesToBase64(r.vaultKey) });
    return { ok: true };
  });
}

export function lock(): Promise<Result> {
  return serial(async () => {
    await session.remove(["vaultKey", "pendingSave"]);
    return { ok: true };
  });
}

export function changePassword(current: string, next: string, confirm: string): Promise<Result> {
  return serial(async () => {
    const v = await readVault();
    if (v === "none") return fail("no_vault");
    if (v === "corrupt") return fail("corrupt");
    if (next !== confirm) return fail("password_mismatch", { fields: { confirm: "mismatch" } });
    if (!isLongEnough(next)) {
      return fail("weak_password", { fields: { password: "too_short" } });
    }
    const r = await checkMaster(v, current);
    if (!r.ok) return r;
    const wrapped = await rewrapVaultKey(r.vaultKey, next);
    // Entries and their sealed list are untouched: only the wrapping of the vault key changes.
    await local.set({ vault: { ...v, wrapped } });
    await session.set({ vaultKey: bytesToBase64(r.vaultKey) });
    return { ok: true };
  });
}

/** Erases the vault (and only the vault data): the caller has checked the typed confirmation. */
export function reset(): Promise<Result> {
  return serial(async () => {
    await local.remove(["vault", "unlockThrottle"]);
    await session.remove(["vaultKey", "pendingSave", "pendingLogin", "reloginEntryId"]);
    return { ok: true };
  });
}

export async function exportRaw(): Promise<Result<string>> {
  return { ok: true, value: JSON.stringify(await local.dump(), null, 2) };
}

// ---------- entries ----------

interface Open {
  vault: StoredVault;
  key: Uint8Array;
  entries: Entry[];
}

async function open(): Promise<Open | Failure> {
  const v = await readVault();
  if (v === "none") return fail("no_vault");
  if (v === "corrupt") return fail("corrupt");
  const key = await vaultKey();
  if (!key) return fail("locked");
  const entries: Entry[] = [];
  const index = await decryptRecord<IndexBody>(key, v.index, {
    expectedId: INDEX_ID,
    validate: isIndexBody,
  });
  // A removed, added or replayed record no longer matches the sealed list: fail closed.
  if (
    !index.ok ||
    index.value.revision !== v.revision ||
    index.value.ids.join("\n") !== v.records.map((r) => r.id).join("\n")
  ) {
    return fail("tampered");
  }
  for (const rec of v.records) {
    const d = await decryptRecord<Entry>(key, rec, { expectedId: rec.id, validate: isEntry });
    // A tampered record fails closed: the whole read fails and nothing is rewritten.
    if (!d.ok) return fail("tampered");
    entries.push(d.value);
  }
  return { vault: v, key, entries };
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
  const records = [];
  for (const e of next) records.push(await encryptRecord(o.key, e.id, e));
  // Only changes a user edits bump the revision: a login's lastUsedAt must not make an open
  // options page's next save "stale".
  const revision = o.vault.revision + (bump ? 1 : 0);
  const index = await sealIndex(
    o.key,
    next.map((e) => e.id),
    revision,
  );
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
