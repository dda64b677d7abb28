// The typed-item layer: the only module that calls the storage API. A stored value is read
// through its item, which checks it and answers its fallback when nothing is stored, so no reader
// ever handles a raw value or writes its own `?? {}`. The items themselves are declared in
// src/storage/items.ts, each for exactly one owning module.
import browser from "../browser";
import { planMigration } from "./migrations";

type AreaName = "local" | "session";

export interface ItemSpec<R> {
  /** What the item reads as when nothing is stored. */
  fallback: () => R;
  /** The stored value if it fits (rebuilt or repaired where the rule allows), else undefined. */
  parse: (raw: unknown) => R | undefined;
  /** What a stored value that does not fit reads as; the fallback unless said otherwise. */
  invalid?: (raw: unknown) => R;
}

/** One stored value: written as `W`, read (checked) as `R`. */
export interface Item<W, R = W> {
  get(): Promise<R>;
  /** Rejects when the browser refuses the write (quota): nothing was written then. */
  set(value: W): Promise<void>;
  remove(): Promise<void>;
}

function item<W, R>(area: AreaName, key: string, spec: ItemSpec<R>): Item<W, R> {
  const storage = () => browser.storage[area];
  return {
    async get() {
      const raw = (await storage().get(key))[key];
      if (raw === undefined) return spec.fallback();
      const value = spec.parse(raw);
      if (value !== undefined) return value;
      return spec.invalid ? spec.invalid(raw) : spec.fallback();
    },
    async set(value) {
      await storage().set({ [key]: value });
    },
    async remove() {
      await storage().remove(key);
    },
  };
}

/** An item of storage.local: kept on disk across browser restarts; nothing secret in clear. */
export function localItem<W, R = W>(key: string, spec: ItemSpec<R>): Item<W, R> {
  return item("local", key, spec);
}

/**
 * An item of storage.session: in memory, reachable only by the extension's pages and worker
 * (src/platform.ts, restrictSessionStorage), emptied when the browser closes.
 */
export function sessionItem<W, R = W>(key: string, spec: ItemSpec<R>): Item<W, R> {
  return item("session", key, spec);
}

/** Everything in storage.local, untyped: the corrupt vault's raw export, for recovery. */
export async function dumpLocal(): Promise<Record<string, unknown>> {
  return await browser.storage.local.get(null);
}

/**
 * Brings storage.local to the current schema (src/storage/migrations.ts) at install or update,
 * before any item is read. Data from a newer version is left untouched.
 */
export async function migrateLocal(): Promise<void> {
  const plan = planMigration(await dumpLocal());
  if ("error" in plan) return;
  if (plan.remove.length) await browser.storage.local.remove(plan.remove);
  await browser.storage.local.set(plan.set);
}
