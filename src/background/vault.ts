// The vault service: lifecycle (create, unlock, lock, change password, reset) here, entry CRUD
// in vault-entries.ts. State lives in storage only: the encrypted blob in storage.local, the
// vault key in storage.session while unlocked. Nothing secret is kept in worker memory between
// events.

import type { Entry, Failure, Result, VaultStatus } from "../protocol";
import { local, session } from "../storage";
import type { LegacyVault, StoredVault } from "../storage/schema";
import { unwrapVaultKey } from "../crypto/vault-crypto";
import { bytesToBase64 } from "../crypto/base64";
import type { Bytes } from "../crypto/bytes";
import type { Outcome } from "../crypto/outcome";
import { openRecords, sealNewVault } from "./sealed-vault";
import { openLegacyRecords } from "./vault-legacy";
import { fail, readVault, sessionKey } from "./vault-state";
import { serial } from "./serial";
import { isLongEnough } from "../crypto/password-length";

export { entries, get, list, markUsed, remove, replaceAll, save } from "./vault-entries";

export async function status(now = Date.now()): Promise<VaultStatus> {
  const v = await readVault();
  const throttle = await local.get("unlockThrottle");
  const retryAfterMs = Math.max(0, (throttle?.notBefore ?? 0) - now);
  if (v === "none" || v === "corrupt") return { state: v, retryAfterMs: 0 };
  // A format-1 vault is "locked" whatever the session holds: its unlock migrates it.
  const unlocked = v.format === 2 && (await sessionKey()) !== null;
  return { state: unlocked ? "unlocked" : "locked", retryAfterMs };
}

// ---------- lifecycle ----------

export function create(password: string, confirm: string): Promise<Result> {
  return serial(async () => {
    if ((await readVault()) !== "none") return fail("vault_exists");
    if (password !== confirm) return fail("password_mismatch", { fields: { confirm: "mismatch" } });
    if (!isLongEnough(password)) {
      return fail("weak_password", { fields: { password: "too_short" } });
    }
    const { vault, vaultKey } = await sealNewVault(password, [], 1);
    await local.set({ vault });
    await session.set({ vaultKey: bytesToBase64(vaultKey) });
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
  v: StoredVault | LegacyVault,
  password: string,
): Promise<{ ok: true; vaultKey: Bytes } | Failure> {
  const now = Date.now();
  const throttle = (await local.get("unlockThrottle")) ?? { failures: 0, notBefore: 0 };
  if (now < throttle.notBefore) {
    return fail("too_many_attempts", { retryAfterMs: throttle.notBefore - now });
  }
  // The format is bound into the wrapping: a format-2 vault relabelled 1 does not unwrap.
  const r = await unwrapVaultKey(password, v.wrapped, v.format);
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

function readAll(v: StoredVault | LegacyVault, key: Bytes): Promise<Outcome<Entry[], "tampered">> {
  return v.format === 2 ? openRecords(key, v) : openLegacyRecords(key, v);
}

/**
 * Replaces the whole vault, key included, in ONE storage write, then puts the new key in the
 * session. The session key is removed first, so a worker killed in between leaves the vault
 * locked (never an old key next to a new vault, which would read as tampered): the old vault
 * with the old password, or the new one with the new. A failed write changes nothing.
 */
async function replaceVault(next: { vault: StoredVault; vaultKey: Bytes }): Promise<Result> {
  const previousKey = await session.get("vaultKey");
  await session.remove("vaultKey");
  try {
    await local.set({ vault: next.vault });
  } catch {
    if (previousKey !== undefined) await session.set({ vaultKey: previousKey });
    return fail("storage_failed");
  }
  await session.set({ vaultKey: bytesToBase64(next.vaultKey) });
  return { ok: true };
}

export function unlock(password: string): Promise<Result> {
  return serial(async () => {
    const v = await readVault();
    if (v === "none") return fail("no_vault");
    if (v === "corrupt") return fail("corrupt");
    const r = await checkMaster(v, password);
    if (!r.ok) return r;
    if (v.format === 2) {
      await session.set({ vaultKey: bytesToBase64(r.vaultKey) });
      return { ok: true };
    }
    // Format 1: the first unlock that has the key seals a format-2 vault (new key, per-record
    // digests) from the checked old one. A tampered old vault stays as found, and locked.
    const all = await openLegacyRecords(r.vaultKey, v);
    if (!all.ok) return fail("tampered");
    return replaceVault(await sealNewVault(password, all.value, v.revision));
  });
}

export function lock(): Promise<Result> {
  return serial(async () => {
    await session.remove(["vaultKey", "pendingSave"]);
    return { ok: true };
  });
}

/**
 * A new master password gets a NEW vault key: every entry is re-encrypted under it, so an old
 * copy of the profile opened with the old password cannot read anything written afterwards.
 * The revision is kept (no entry changed), so an open options page can still save.
 */
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
    // Only what opens cleanly is carried over: a tampered vault is left as found.
    const all = await readAll(v, r.vaultKey);
    if (!all.ok) return fail("tampered");
    return replaceVault(await sealNewVault(next, all.value, v.revision));
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
