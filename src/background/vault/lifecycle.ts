// The vault's lifecycle: create, unlock, lock, change of master password, reset. State lives in
// storage only — the encrypted vault in storage.local (store.ts), the vault key in
// storage.session while unlocked (key.ts), the failed attempts (throttle.ts) — so nothing
// secret is kept in worker memory between events.
import { dumpLocal } from "../../storage/item";
import type { LegacyVault, StoredVault } from "../../storage/schema";
import type { Entry } from "../../entries/rules";
import { isLongEnough } from "../../master-password";
import type { VaultStatus } from "../../protocol";
import { fail, type Result } from "../../result";
import type { Outcome } from "../../crypto/outcome";
import { importAesKey } from "../../crypto/aes-gcm";
import { belowDefaultCost } from "../../crypto/kdf-header";
import { rewrapVaultKey } from "../../crypto/vault-crypto";
import type { Bytes } from "../../crypto/bytes";
import { serial } from "../serial";
import { dropVaultKey, keepVaultKey, swapVaultKey, vaultKey } from "./key";
import { openLegacyRecords } from "./legacy";
import { passkeyRequests } from "./passkeys";
import { openRecords, sealNewVault } from "./sealed";
import { eraseVault, readVault, writeVault } from "./store";
import { checkMaster, forgetFailures, retryAfterMs } from "./throttle";

export async function status(now = Date.now()): Promise<VaultStatus> {
  // Every read at once (the popup's first paint waits for this).
  const [v, key, retry] = await Promise.all([readVault(), vaultKey(), retryAfterMs(now)]);
  if (v === "none" || v === "corrupt") return { state: v, retryAfterMs: 0 };
  // A format-1 vault is "locked" whatever the session holds: its unlock migrates it.
  const unlocked = v.format === 2 && key !== null;
  const passkeys = unlocked ? [] : passkeyRequests(v);
  return {
    state: unlocked ? "unlocked" : "locked",
    retryAfterMs: retry,
    ...(passkeys.length ? { passkeys } : {}),
  };
}

const weak = () => fail("weak_password", { fields: { password: "too_short" } });
const mismatch = () => fail("password_mismatch", { fields: { confirm: "mismatch" } });

export function create(password: string, confirm: string): Promise<Result> {
  return serial(async () => {
    if ((await readVault()) !== "none") return fail("vault_exists");
    if (password !== confirm) return mismatch();
    if (!isLongEnough(password)) return weak();
    const { vault, vaultKey: key } = await sealNewVault(password, [], 1);
    const w = await writeVault(vault);
    if (w.ok) await keepVaultKey(key);
    return w;
  });
}

async function readAll(
  v: StoredVault | LegacyVault,
  raw: Bytes,
): Promise<Outcome<Entry[], "tampered">> {
  const key = await importAesKey(raw);
  return v.format === 2 ? openRecords(key, v) : openLegacyRecords(key, v);
}

/**
 * Replaces the whole vault, key included, in ONE storage write, then puts the new key in the
 * session (key.ts, swapVaultKey): the old vault with the old password, or the new one with the
 * new. A failed write changes nothing.
 */
function replaceVault(next: { vault: StoredVault; vaultKey: Bytes }): Promise<Result> {
  return swapVaultKey(next.vaultKey, () => writeVault(next.vault));
}

export function unlock(password: string): Promise<Result> {
  return serial(async () => {
    const v = await readVault();
    if (v === "none") return fail("no_vault");
    if (v === "corrupt") return fail("corrupt");
    const r = await checkMaster(v, password);
    if (!r.ok) return r;
    if (v.format === 2) {
      await keepVaultKey(r.vaultKey);
      await raiseCost(v, password, r.vaultKey);
      return { ok: true };
    }
    // Format 1: the first unlock that has the key seals a format-2 vault (new key, per-record
    // digests) from the checked old one. A tampered old vault stays as found, and locked.
    const all = await readAll(v, r.vaultKey);
    if (!all.ok) return fail("tampered");
    return replaceVault(await sealNewVault(password, all.value, v.revision));
  });
}

/**
 * A vault wrapped at less cost than a new one gets today (made by an older version) is wrapped
 * again now, while the master password is at hand: the same vault key under a fresh salt and
 * today's Argon2id cost, in one storage write. Records, index, revision and passkey wraps stay
 * as they are (they depend on the vault key only). If the write fails, the old wrap stays, and
 * it still opens: the unlock succeeds either way, and the next one tries again.
 */
async function raiseCost(v: StoredVault, password: string, key: Bytes): Promise<void> {
  if (!belowDefaultCost(v.wrapped.kdf)) return;
  await writeVault({ ...v, wrapped: await rewrapVaultKey(key, password, 2) });
}

/** Forgets the key; what else a lock drops belongs to its owners (after-vault-change.ts). */
export function lock(): Promise<Result> {
  return serial(async () => {
    await dropVaultKey();
    return { ok: true };
  });
}

/**
 * A new master password gets a NEW vault key: every entry is re-encrypted under it, so an old
 * copy of the profile opened with the old password cannot read anything written afterwards.
 * The revision is kept (no entry changed), so an open options page can still save. The new
 * vault has no passkey wraps: they wrapped the old key, and wrapping the new one needs each
 * passkey's PRF output, which only a new ceremony gives (the user sets passkey unlock up again).
 */
export function changePassword(current: string, next: string, confirm: string): Promise<Result> {
  return serial(async () => {
    const v = await readVault();
    if (v === "none") return fail("no_vault");
    if (v === "corrupt") return fail("corrupt");
    if (next !== confirm) return mismatch();
    if (!isLongEnough(next)) return weak();
    const r = await checkMaster(v, current);
    if (!r.ok) return r;
    // Only what opens cleanly is carried over: a tampered vault is left as found.
    const all = await readAll(v, r.vaultKey);
    if (!all.ok) return fail("tampered");
    return replaceVault(await sealNewVault(next, all.value, v.revision));
  });
}

/**
 * Erases the vault (its passkey wraps with it), its key and its failure count: the caller has checked the typed
 * confirmation, and tells the owners of what pointed at the entries (after-vault-change.ts).
 */
export function reset(): Promise<Result> {
  return serial(async () => {
    await eraseVault();
    await forgetFailures();
    await dropVaultKey();
    return { ok: true };
  });
}

export async function exportRaw(): Promise<Result<string>> {
  return { ok: true, value: JSON.stringify(await dumpLocal(), null, 2) };
}
