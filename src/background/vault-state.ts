// Reading the vault's state, shared by the lifecycle (vault.ts) and the entry operations
// (vault-entries.ts): the stored blob in storage.local, the vault key in storage.session.
import type { Failure } from "../protocol";
import { local, session } from "../storage";
import type { LegacyVault, StoredVault } from "../storage/schema";
import { base64ToBytes } from "../crypto/base64";
import type { Bytes } from "../crypto/bytes";
import { isStoredVault } from "./vault-shape";

export const fail = (
  error: Failure["error"],
  extra: Omit<Failure, "ok" | "error"> = {},
): Failure => ({
  ok: false,
  error,
  ...extra,
});

export async function readVault(): Promise<StoredVault | LegacyVault | "none" | "corrupt"> {
  const raw = await local.get("vault");
  if (raw === undefined) return "none";
  return isStoredVault(raw) ? raw : "corrupt";
}

/** The vault key while unlocked. */
export async function sessionKey(): Promise<Bytes | null> {
  const k = await session.get("vaultKey");
  return typeof k === "string" ? base64ToBytes(k) : null;
}
