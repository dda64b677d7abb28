// Settings persistence: validated on write (src/settings.ts), defaulted field by field on read
// (its item, src/storage/items.ts). The owner of the stored settings.
import type { Result } from "../result";
import { applySettingsPatch, type Settings } from "../settings";
import { settingsItem } from "../storage/items";
import { settingsSerial } from "./serial";

type Listener = (next: Settings, previous: Settings) => void | Promise<void>;
const listeners: Listener[] = [];

/** Modules that must react to a settings change (idle clock, auto-lock, badge) register here. */
export function onSettingsChanged(fn: Listener): void {
  listeners.push(fn);
}

export function getSettings(): Promise<Settings> {
  return settingsItem.get();
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
    await settingsItem.set(r.value);
  } catch {
    return { ok: false, error: "storage_failed" };
  }
  for (const fn of listeners) await fn(r.value, previous);
  return { ok: true, value: r.value };
}
