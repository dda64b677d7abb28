// The unlock throttle: a growing delay after failures, shared by the master-password check
// (unlock and change of master password, so that neither is a faster oracle than the other) and
// the passkey unlock (passkeys.ts). The failure count lives in storage.local: closing the browser
// does not reset it.
import type { Bytes } from "../../crypto/bytes";
import { unwrapVaultKey } from "../../crypto/vault-crypto";
import { fail, type ErrorCode, type Failure } from "../../result";
import { unlockThrottleItem } from "../../storage/items";
import type { LegacyVault, StoredVault } from "../../storage/schema";

/** Growing delay after repeated failures: none for the first 3, then 1 s, 2 s, 4 s … 5 min. */
export function delayAfterFailures(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(1000 * 2 ** (failures - 3), 5 * 60_000);
}

/** Milliseconds before another attempt is accepted. */
export async function retryAfterMs(now = Date.now()): Promise<number> {
  return Math.max(0, (await unlockThrottleItem.get()).notBefore - now);
}

/** "too_many_attempts" while the delay runs, else null: the attempt may go ahead. */
export async function refusedForNow(): Promise<Failure | null> {
  const now = Date.now();
  const { notBefore } = await unlockThrottleItem.get();
  return now < notBefore ? fail("too_many_attempts", { retryAfterMs: notBefore - now }) : null;
}

/** Counts one failed attempt; answers `error` with the delay it now imposes. */
export async function countFailure(error: ErrorCode): Promise<Failure> {
  const failures = (await unlockThrottleItem.get()).failures + 1;
  const notBefore = Date.now() + delayAfterFailures(failures);
  await unlockThrottleItem.set({ failures, notBefore });
  return fail(error, { retryAfterMs: notBefore - Date.now() });
}

/** A successful attempt: the count starts over. */
export async function countSuccess(): Promise<void> {
  if ((await unlockThrottleItem.get()).failures) {
    await unlockThrottleItem.set({ failures: 0, notBefore: 0 });
  }
}

/** The vault key `password` unwraps, or why not (too soon, wrong, tampered, too weak a KDF). */
export async function checkMaster(
  v: StoredVault | LegacyVault,
  password: string,
): Promise<{ ok: true; vaultKey: Bytes } | Failure> {
  const refused = await refusedForNow();
  if (refused) return refused;
  // The format is bound into the wrapping: a format-2 vault relabelled 1 does not unwrap.
  const r = await unwrapVaultKey(password, v.wrapped, v.format);
  if (!r.ok) {
    if (r.error === "wrong_password") return countFailure("wrong_password");
    if (r.error === "internal") return fail("internal");
    return fail(r.error === "kdf_too_weak" ? "kdf_too_weak" : "tampered");
  }
  await countSuccess();
  return { ok: true, vaultKey: r.vaultKey };
}

/** Forgets the failures (the vault they were counted against is erased). */
export async function forgetFailures(): Promise<void> {
  await unlockThrottleItem.remove();
}
