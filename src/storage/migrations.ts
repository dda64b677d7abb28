// Numbered schema migrations, run from runtime.onInstalled (install/update) by
// src/storage/item.ts (migrateLocal), never on the read path. Each step takes the raw
// storage.local contents of version N and returns the changes that make it version N+1. A step
// never deletes the vault: unknown data is kept for recovery. Pure.

import { isRecord } from "../guards";
import { SCHEMA_VERSION } from "./schema";

type Raw = Record<string, unknown>;
type Step = (raw: Raw) => { set: Raw; remove?: string[] };

/**
 * v1 (0.0.x previews): settings used `idleMinutes`, and the vault had no revision counter.
 * v2: `idleTimeoutMinutes`, and `vault.revision` for lost-update detection.
 * The vault's own format (1 → 2: an index sealing each record) needs the vault key, so it is
 * migrated at the next unlock (src/background/vault/lifecycle.ts), not here.
 */
const steps: Record<number, Step> = {
  1: (raw) => {
    const set: Raw = {};
    const settings = raw.settings;
    if (isRecord(settings)) {
      const { idleMinutes, ...rest } = settings;
      set.settings =
        idleMinutes === undefined ? rest : { ...rest, idleTimeoutMinutes: idleMinutes };
    }
    const vault = raw.vault;
    if (isRecord(vault) && !("revision" in vault)) {
      set.vault = { ...vault, revision: 0 };
    }
    return { set };
  },
};

export interface MigrationPlan {
  from: number;
  to: number;
  set: Raw;
  remove: string[];
}

/** Pure: computes what to write to bring `raw` to SCHEMA_VERSION. */
export function planMigration(raw: Raw): MigrationPlan | { error: "future_version"; from: number } {
  const hasData = Object.keys(raw).length > 0;
  const stored = raw.schemaVersion;
  // A profile with data but no version number predates versioning: treat it as v1.
  let from =
    typeof stored === "number" && Number.isInteger(stored) ? stored : hasData ? 1 : SCHEMA_VERSION;
  if (from > SCHEMA_VERSION) return { error: "future_version", from };
  const start = from;
  let current: Raw = { ...raw };
  const set: Raw = {};
  const remove = new Set<string>();
  while (from < SCHEMA_VERSION) {
    const step = steps[from];
    if (!step) break;
    const r = step(current);
    Object.assign(set, r.set);
    current = { ...current, ...r.set };
    for (const k of r.remove ?? []) {
      remove.add(k);
      delete current[k];
    }
    from += 1;
  }
  set.schemaVersion = SCHEMA_VERSION;
  return { from: start, to: SCHEMA_VERSION, set, remove: [...remove] };
}
