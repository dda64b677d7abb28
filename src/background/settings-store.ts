// Settings persistence: validated on write, defaulted field by field on read.
import type { Result } from "../protocol";
import { applySettingsPatch, readSettings, type Settings } from "../settings";
import { local } from "../storage";

type Listener = (next: Settings, previous: Settings) => void | Promise<void>;
const listeners: Listener[] = [];

/** Modules that must react to a settings change (idle clock, auto-lock) register here. */
export function onSettingsChanged(fn: Listener): void {
  listeners.push(fn);
}

export async function getSettings(): Promise<Settings> {
  return readSettings(await local.get("settings"));
}

export async function setSettings(patch: unknown): Promise<Result<Settings>> {
  const previous = await getSettings();
  const r = applySettingsPatch(previous, patch);
  if (!r.ok) {
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.errors)) if (v) fields[k] = v;
    return { ok: false, error: "invalid_settings", fields };
  }
  try {
    await local.set({ settings: r.value });
  } catch {
    return { ok: false, error: "storage_failed" };
  }
  for (const fn of listeners) await fn(r.value, previous);
  return { ok: true, value: r.value };
}
