// What follows an unlock, a lock or a reset of the vault, wherever it was triggered from (a
// page's message, the auto-lock): each owner drops or resumes what depended on the vault.
import { sendToTab } from "./browser-tabs";
import { frameShowing } from "./frames";
import { refreshBadge } from "./badge";
import { clearPendingLogin } from "./pending-login";
import { forgetRelogin } from "./relogin";
import { dismissPendingSave } from "./save-offer";
import { forgetEntries, forgetTabDetails, releaseWaitingTabs } from "./tabs";

/** Fills every login window that was waiting for the unlock. */
export async function afterUnlock(): Promise<void> {
  for (const { tabId, info } of await releaseWaitingTabs()) {
    // The content script asks again, so the entry is chosen by the normal path (tab hint), in
    // the frame showing the login window (frames.ts).
    await sendToTab(tabId, "tab.refill", undefined, frameShowing(info, "login"));
  }
  await refreshBadge();
}

/** Locked means nothing in the session names an account or holds a typed password any more. */
export async function afterLock(): Promise<void> {
  await dismissPendingSave();
  await forgetTabDetails();
  await refreshBadge();
}

/** Nothing may keep pointing at erased entries: waiting windows, tab identities, relogin. */
export async function afterReset(): Promise<void> {
  await dismissPendingSave();
  await clearPendingLogin();
  await forgetRelogin();
  await forgetEntries();
  await refreshBadge();
}
