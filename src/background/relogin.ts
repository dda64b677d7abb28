// What follows an idle logout (idle-watch.ts tells when one happened): owner of the entry to log
// back in with (storage.session). With "log back in automatically", a pending login makes the
// login window that follows fill and submit; otherwise a notification offers it, and a click on
// it is handled by notification-actions.ts.
import { reloginItem } from "../storage/items";
import { getSettings } from "./settings-store";
import { tabInfo } from "./tabs";
import * as vault from "./vault";
import { hasPendingLogin, startPendingLogin } from "./pending-login";
import { minutesMessage, notify, NOTE } from "./notifications";

export async function afterIdleLogout(tabId: number): Promise<void> {
  const settings = await getSettings();
  // Only the account this tab was known to use: never guess another one (a user logged in by
  // hand as an unsaved account must not come back as somebody else).
  const entryId = (await tabInfo(tabId))?.entryId;
  if (!entryId) return;
  await reloginItem.set(entryId);
  const unlocked = (await vault.status()).state === "unlocked";
  if (settings.autoRelogin && unlocked) {
    // The content script asks for a fill right after reporting the login window: a pending
    // login for this tab makes that fill submit, as a one-click login would.
    if (!(await hasPendingLogin())) await startPendingLogin(tabId, entryId);
    return;
  }
  if (settings.offerRelogin && settings.notifications) {
    await notify(NOTE.loggedOut, {
      title: "notifLoggedOutTitle",
      message: minutesMessage("notifLoggedOutBody", settings.idleTimeoutMinutes),
      button: "notifLoggedOutButton",
    });
  }
}

/** The entry the last idle logout took, for the offer's notification. */
export function reloginEntryId(): Promise<string | null> {
  return reloginItem.get();
}

/** At reset: the entry is gone. */
export async function forgetRelogin(): Promise<void> {
  await reloginItem.remove();
}
