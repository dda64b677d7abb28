// The vault key while the vault is unlocked: raw bytes, base64, in storage.session (memory,
// trusted contexts only, gone when the browser closes). Locking erases it. Readers get it
// imported as a non-extractable AES key, once per operation.
import { importAesKey } from "../../crypto/aes-gcm";
import { base64ToBytes, bytesToBase64 } from "../../crypto/base64";
import { vaultKeyItem } from "../../storage/items";

/** The vault key, or null while locked (or if what the session holds is no AES-256 key). */
export async function vaultKey(): Promise<CryptoKey | null> {
  const text = await vaultKeyItem.get();
  const raw = text === null ? null : base64ToBytes(text);
  if (!raw) return null;
  try {
    return await importAesKey(raw);
  } catch {
    return null;
  }
}

export async function keepVaultKey(raw: Uint8Array): Promise<void> {
  await vaultKeyItem.set(bytesToBase64(raw));
}

export async function dropVaultKey(): Promise<void> {
  await vaultKeyItem.remove();
}

/**
 * Runs `replace` (the write of a vault under `next`) with no key in the session, then keeps
 * `next` if it succeeded, else puts the previous key back. A worker killed in between leaves the
 * vault locked: never an old key next to a new vault, which would read as tampered.
 */
export async function swapVaultKey<R extends { ok: boolean }>(
  next: Uint8Array,
  replace: () => Promise<R>,
): Promise<R> {
  const previous = await vaultKeyItem.get();
  await vaultKeyItem.remove();
  const r = await replace();
  if (r.ok) await keepVaultKey(next);
  else if (previous !== null) await vaultKeyItem.set(previous);
  return r;
}
