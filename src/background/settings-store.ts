// Settings persistence: validated on write, defaulted field by field on read.
import type { Result } from "../protocol";
import { applySettingsPatch, readSettings, type Settings } from "../settings";
import { local } from "../storage";
import { settingsSerial } from "./serial";

type Listener = (next: Settings, previous: Settings) => void | Promise<void>;
const listeners: Listener[] = [];

/** Modules that must react to a settings change (idle clock, auto-lock) register here. */
export function onSettingsChanged(fn: Listener): void {
  listeners.push(fn);
}

export async function getSettings(): Promise<Settings> {
  return readSettings(await local.get("settings"));
}

/**
 * Read, patch, write, notify — queued, so two changes sent at once (a number committed on blur
 * while a checkbox is clicked) both land, each validated against the other's result. Listeners
 * run inside the queue so they see changes in order; none of them may call setSettings.
 */
export function setSettings(patch: unknown): Promise<Result<Settings>> {
  return settingsSerial(() => applyPatch(patch));
}

async function applyPatch(patch: unknown): Promise<Result<Settings>> {
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
