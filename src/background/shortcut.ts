// The keyboard shortcut (commands API, Alt+Shift+L by default): fill and submit the login
// window of the active IamOffice tab with the entry the user's own navigation named, or the
// default one (never the live URL, which the page can rewrite). When that is in doubt, the
// popup opens so the user chooses.
import browser from "../browser";
import { isIamOfficeUrl } from "../origin";
import { userActed } from "./auto-submit";
import { entryForTab, fillCommand, noteLoggedInAs } from "./autofill";
import { activeTab, sendToTab } from "./browser-tabs";
import { tabInfo } from "./tabs";
import * as vault from "./vault";
import { frameShowing } from "./frames";

export async function fillFromShortcut(): Promise<void> {
  const tab = await activeTab();
  if (!tab?.id || !isIamOfficeUrl(tab.url)) return;
  const all = await vault.entries();
  if (!Array.isArray(all)) {
    // Locked: the popup is where the user unlocks (openPopup needs a recent user gesture,
    // which a keyboard shortcut is; it is missing in older browsers).
    await browser.action.openPopup?.().catch(() => undefined);
    return;
  }
  const info = await tabInfo(tab.id);
  const { entry } = entryForTab(all, info);
  if (!entry) {
    await browser.action.openPopup?.().catch(() => undefined);
    return;
  }
  await userActed(tab.id);
  const r = await sendToTab(
    tab.id,
    "tab.fill",
    fillCommand(entry, { submit: true, replace: true }),
    frameShowing(info, "login"),
  );
  if (r?.ok) await noteLoggedInAs(tab.id, entry);
}
