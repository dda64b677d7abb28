// Typed access to storage.local and storage.session. The only module that names storage keys.
import browser from "../browser";
import type { LocalArea, SessionArea } from "./schema";

type Area<T> = {
  get<K extends keyof T>(key: K): Promise<T[K] | undefined>;
  set(values: Partial<T>): Promise<void>;
  remove(keys: keyof T | (keyof T)[]): Promise<void>;
  /** Everything, for diagnostics/recovery; untyped on purpose. */
  dump(): Promise<Record<string, unknown>>;
};

function area<T>(name: "local" | "session"): Area<T> {
  const s = () => browser.storage[name];
  return {
    async get(key) {
      const r = await s().get(key as string);
      return r[key as string] as T[typeof key] | undefined;
    },
    async set(values) {
      await s().set(values);
    },
    async remove(keys) {
      await s().remove((Array.isArray(keys) ? keys : [keys]) as string[]);
    },
    async dump() {
      return await s().get(null);
    },
  };
}

export const local = area<LocalArea>("local");
export const session = area<SessionArea>("session");
