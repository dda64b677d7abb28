// What a click on one of our notifications (or on its button) does. The idle warning brings the
// logged-in IamOffice tab to the front; the idle-logout offer logs back in with the account the
// logout took (relogin.ts), or opens the popup to unlock first.
import browser from "../browser";
import { findTab, focusTab } from "./browser-tabs";
import { currentClock } from "./idle-watch";
import { oneClickLogin } from "./login";
import { clearNote, NOTE } from "./notifications";
import { reloginEntryId } from "./relogin";
import * as vault from "./vault";

export async function onNotificationAction(id: string): Promise<void> {
  await clearNote(id);
  if (id === NOTE.warn) {
    const [tabId] = (await currentClock()).loggedInTabs;
    const tab = tabId === undefined ? undefined : await findTab(tabId);
    if (tab) await focusTab(tab);
    return;
  }
  if (id === NOTE.loggedOut) {
    const entryId = await reloginEntryId();
    if (!entryId) return;
    if ((await vault.status()).state === "unlocked") {
      await oneClickLogin({ entryId, newTab: false });
    } else {
      // Unlocking needs the master password: the popup asks for it, then fills the window.
      await browser.action.openPopup?.().catch(() => browser.runtime.openOptionsPage());
    }
  }
}
