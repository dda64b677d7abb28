// Structural check of the stored vault: storage that does not fit is reported as "corrupt"
// (and offered for raw export), never silently replaced. Format 2 must carry its sealed index;
// format 1 may lack one (0.0.x previews) and is migrated at the next unlock.
import type { LegacyVault, StoredVault } from "../storage/schema";

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === "string" && v.length > 0;

export function isStoredVault(v: unknown): v is StoredVault | LegacyVault {
  if (!isObj(v) || (v.format !== 1 && v.format !== 2)) return false;
  if (typeof v.revision !== "number" || !Number.isInteger(v.revision) || v.revision < 0)
    return false;
  if (!isObj(v.wrapped) || !Array.isArray(v.records)) return false;
  if (v.format === 2 ? !isObj(v.index) : v.index !== undefined && !isObj(v.index)) return false;
  const ids = new Set<string>();
  for (const r of v.records) {
    if (!isObj(r) || !isStr(r.id) || !isStr(r.iv) || !isStr(r.ct) || ids.has(r.id)) return false;
    ids.add(r.id);
  }
  return true;
}
