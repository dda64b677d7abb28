// What follows an unlock, a lock or a reset, wherever it was triggered from.
import { allTabInfo, forgetTabDetails, sendToTab, updateTabInfo } from "./tabs";
import { refreshBadge } from "./badge";
import { armAutoLock } from "./autolock";
import { frameShowing } from "./frames";

/** Fills every login window that was waiting for the unlock. */
export async function afterUnlock(): Promise<void> {
  await armAutoLock();
  for (const [key, info] of Object.entries(await allTabInfo())) {
    if (!info.waitingForUnlock) continue;
    const tabId = Number(key);
    await updateTabInfo(tabId, { waitingForUnlock: false });
    // The content script asks again, so the entry is chosen by the normal path (tab URL hint).
    if (info.state === "login") {
      await sendToTab(tabId, "tab.refill", undefined, frameShowing(info, "login"));
    }
  }
  await refreshBadge();
}

export async function afterLock(): Promise<void> {
  // Locked means nothing in the session names an account any more (tabs.ts).
  await forgetTabDetails();
  await refreshBadge();
}

export async function afterReset(): Promise<void> {
  // Nothing may keep pointing at erased entries: waiting windows, tab identities, relogin.
  for (const key of Object.keys(await allTabInfo())) {
    await updateTabInfo(Number(key), { waitingForUnlock: false, entryId: undefined });
  }
  await refreshBadge();
}
