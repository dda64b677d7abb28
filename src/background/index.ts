// Background entry (Chrome service worker / Firefox event page). Every listener is registered
// synchronously at top level so an event that wakes the worker finds its handler; no state is
// kept in memory between events (storage.session, storage.local and alarms hold it all).
import browser from "../browser";
import type { Runtime } from "webextension-polyfill";
import { isIamOfficeUrl } from "../origin";
import { restrictSessionStorage } from "../platform";
import { local } from "../storage";
import { planMigration } from "../storage/migrations";
import { route } from "./router";
import { onIdleStateChanged } from "./autolock";
import { LOGIN_ALARM, clearPending } from "./login";
import { allTabInfo, updateTabInfo } from "./tabs";
import { notify, NOTE } from "./notifications";
import { refreshBadge } from "./badge";
import { fillFromShortcut } from "./shortcut";
import * as idle from "./idle-watch";
import { session } from "../storage";

void restrictSessionStorage();

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

browser.runtime.onInstalled.addListener(async ({ reason }) => {
  await restrictSessionStorage();
  const plan = planMigration(await local.dump());
  if ("error" in plan) return; // Data from a newer version: leave it untouched.
  if (plan.remove.length) await browser.storage.local.remove(plan.remove);
  await browser.storage.local.set(plan.set);
  if (reason === "install" && (await local.get("vault")) === undefined) {
    await browser.runtime.openOptionsPage();
  }
});

browser.runtime.onStartup.addListener(async () => {
  // A browser restart empties storage.session, so the clock is gone; clear what it had shown.
  await idle.reset();
  await refreshBadge();
});

browser.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name === LOGIN_ALARM) {
    const p = await session.get("pendingLogin");
    await clearPending();
    if (p) {
      await notify(NOTE.loginFailed, {
        title: "notifLoginFailedTitle",
        message: browser.i18n.getMessage("err_login_no_window"),
      });
    }
    return;
  }
  await idle.onAlarm(alarm.name);
});

browser.tabs.onRemoved.addListener(async (tabId) => {
  const known = (await allTabInfo())[String(tabId)];
  if (!known) return;
  await updateTabInfo(tabId, null);
  await idle.tabClosed(tabId);
  await refreshBadge();
});

browser.tabs.onUpdated.addListener(async (tabId, change, tab) => {
  if (change.status !== "loading" && change.url === undefined) return;
  if (isIamOfficeUrl(tab.url)) {
    // A page load or navigation inside IamOffice is an action for the idle clock.
    await idle.activity(tabId);
  } else if ((await allTabInfo())[String(tabId)]) {
    // The tab left IamOffice: it no longer keeps the session alive from our point of view.
    await updateTabInfo(tabId, null);
    await idle.tabClosed(tabId);
    await refreshBadge();
  }
});

browser.notifications.onClicked.addListener((id) => idle.onNotificationAction(id));
browser.notifications.onButtonClicked?.addListener((id) => idle.onNotificationAction(id));

browser.idle.onStateChanged.addListener((state) => onIdleStateChanged(state));

browser.commands.onCommand.addListener(async (command) => {
  if (command === "fill-and-submit") await fillFromShortcut();
});
