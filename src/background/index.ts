// Background entry (Chrome service worker / Firefox event page). Every listener is registered
// synchronously at top level so an event that wakes the worker finds its handler; no state is
// kept in memory between events (storage.session, storage.local and alarms hold it all). Each
// listener hands its event to the modules that own the state it changes, then refreshes the
// badge once.
import browser from "../browser";
import type { Runtime } from "webextension-polyfill";
import { fireAndForget } from "../fire-and-forget";
import { isIamOfficeUrl } from "../origin";
import { restrictSessionStorage } from "../platform";
import { migrateLocal } from "../storage/item";
import { armAutoLock, onIdleStateChanged } from "./autolock";
import { refreshBadge } from "./badge";
import * as idle from "./idle-watch";
import { NAVIGATION_FILTER, onCommitted } from "./navigation";
import { onNotificationAction } from "./notification-actions";
import { clearPendingLogin, forgetPendingFor, LOGIN_ALARM, onLoginTimeout } from "./pending-login";
import { holdMessagesUntil, route } from "./router";
import { SAVE_PROMPT_ALARM, dismissPendingSave } from "./save-offer";
import { fillFromShortcut } from "./shortcut";
import { forgetTabIfGone, tabInfo, updateTabInfo } from "./tabs";
import * as vault from "./vault";

void restrictSessionStorage();
void armAutoLock();

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

// The browser ignores what an onInstalled listener returns; messages wait for the migration,
// and only for it. Opening the first-run options page is not waited on: Chromium may never
// settle that promise when the tab is closed while it loads, and every message would hang.
browser.runtime.onInstalled.addListener(({ reason }) => {
  const migrated = migrateLocal();
  holdMessagesUntil(migrated);
  if (reason !== "install") return;
  fireAndForget(async () => {
    await migrated;
    if ((await vault.status()).state === "none") await browser.runtime.openOptionsPage();
  })();
});

browser.runtime.onStartup.addListener(
  fireAndForget(async () => {
    // A browser restart empties storage.session (vault locked, clock gone); alarms and
    // notifications may survive it and must not speak for a session that no longer exists.
    await idle.forgetAtBrowserStart();
    await clearPendingLogin();
    await refreshBadge();
  }),
);

browser.alarms.onAlarm.addListener(
  fireAndForget(async (alarm) => {
    if (alarm.name === LOGIN_ALARM) await onLoginTimeout();
    else if (alarm.name === SAVE_PROMPT_ALARM) await dismissPendingSave();
    else await idle.onAlarm(alarm.name);
    await refreshBadge();
  }),
);

browser.tabs.onRemoved.addListener(
  fireAndForget(async (tabId) => {
    await forgetPendingFor(tabId);
    if (!(await tabInfo(tabId))) return;
    await updateTabInfo(tabId, null);
    await idle.tabClosed(tabId);
    await refreshBadge();
  }),
);

browser.webNavigation.onCommitted.addListener(
  fireAndForget(async (details) => {
    await onCommitted(details);
    await refreshBadge();
  }),
  NAVIGATION_FILTER,
);

browser.tabs.onUpdated.addListener(
  fireAndForget(async (tabId, change, tab) => {
    // Page loads inside IamOffice are reported by the content script itself (content.pageState
    // with `load`); here only a tab that left IamOffice matters.
    if (change.url === undefined || isIamOfficeUrl(tab.url)) return;
    // The tab left IamOffice: it no longer keeps the session alive from our point of view.
    if (await forgetTabIfGone(tabId)) {
      await idle.tabClosed(tabId);
      await refreshBadge();
    }
  }),
);

browser.notifications.onClicked.addListener(fireAndForget(onNotificationAction));
browser.notifications.onButtonClicked?.addListener(fireAndForget(onNotificationAction));

browser.idle.onStateChanged.addListener(fireAndForget(onIdleStateChanged));

browser.commands.onCommand.addListener(
  fireAndForget(async (command) => {
    if (command === "fill-and-submit") await fillFromShortcut();
  }),
);
