// Auto-lock. "On browser exit" is structural (the key lives in storage.session, which the
// browser empties on exit). The other policies use the `idle` API, whose state machine lives
// in the browser, so a sleeping worker still gets woken by idle.onStateChanged.
import browser from "../browser";
import type { Idle } from "webextension-polyfill";
import { getSettings, onSettingsChanged } from "./settings-store";
import * as vault from "./vault";
import { afterLock } from "./after-vault-change";

/** Arms the idle API's detection: at every worker start, and on every change of the settings. */
export async function armAutoLock(): Promise<void> {
  const s = await getSettings();
  // Detection interval is global to the extension; 15 s is the API's minimum.
  browser.idle.setDetectionInterval(Math.max(15, Math.round(s.autoLockMinutes * 60)));
}

export async function onIdleStateChanged(state: Idle.IdleState): Promise<void> {
  const { autoLock } = await getSettings();
  const lockNow =
    (autoLock === "idle" && (state === "idle" || state === "locked")) ||
    (autoLock === "screen-lock" && state === "locked");
  if (!lockNow) return;
  if ((await vault.status()).state !== "unlocked") return;
  await vault.lock();
  await afterLock();
}

// A changed policy or delay applies at once, not at the next unlock.
onSettingsChanged(() => armAutoLock());
