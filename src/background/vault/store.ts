// The stored vault (storage.local): read checked — a vault that does not fit the schema reads
// as "corrupt" and is never replaced — and written whole, in one storage write.
import { fail, type Result } from "../../result";
import { vaultItem } from "../../storage/items";
import type { StoredVault, VaultRecord } from "../../storage/schema";

export function readVault(): Promise<VaultRecord> {
  return vaultItem.get();
}

/** One storage write: all of the vault lands, or none of it (a refused write changes nothing). */
export async function writeVault(vault: StoredVault): Promise<Result> {
  try {
    await vaultItem.set(vault);
  } catch {
    return fail("storage_failed");
  }
  return { ok: true };
}

export function eraseVault(): Promise<void> {
  return vaultItem.remove();
}
