// Background entry (Chrome service worker / Firefox event page). Every listener is registered
// synchronously at top level so an event that wakes the worker finds its handler; no state is
// kept in memory between events (storage.session, storage.local and alarms hold it all).
import browser from "../browser";
import type { Runtime } from "webextension-polyfill";
import { fireAndForget } from "../fire-and-forget";
import { isIamOfficeUrl } from "../origin";
import { restrictSessionStorage } from "../platform";
import { local } from "../storage";
import { planMigration } from "../storage/migrations";
import { holdMessagesUntil, route } from "./router";
import { onIdleStateChanged } from "./autolock";
import { LOGIN_ALARM, forgetPendingFor, onLoginTimeout } from "./login";
import { allTabInfo, forgetTabIfGone, updateTabInfo } from "./tabs";
import { clearNote, NOTE } from "./notifications";
import { refreshBadge } from "./badge";
import { fillFromShortcut } from "./shortcut";
import { SAVE_PROMPT_ALARM, dismissPendingSave } from "./save-prompt";
import { armAutoLock } from "./autolock";
import * as idle from "./idle-watch";
import { NAVIGATION_FILTER, onCommitted } from "./navigation";

void restrictSessionStorage();
void armAutoLock();

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

async function migrate(): Promise<void> {
  const plan = planMigration(await local.dump());
  if ("error" in plan) return; // Data from a newer version: leave it untouched.
  if (plan.remove.length) await browser.storage.local.remove(plan.remove);
  await browser.storage.local.set(plan.set);
}

// The browser ignores what an onInstalled listener returns; messages wait for the migration,
// and only for it. Opening the first-run options page is not waited on: Chromium may never
// settle that promise when the tab is closed while it loads, and every message would hang.
browser.runtime.onInstalled.addListener(({ reason }) => {
  const migrated = migrate();
  holdMessagesUntil(migrated);
  if (reason !== "install") return;
  fireAndForget(async () => {
    await migrated;
    if ((await local.get("vault")) === undefined) await browser.runtime.openOptionsPage();
  })();
});

browser.runtime.onStartup.addListener(
  fireAndForget(async () => {
    // A browser restart empties storage.session (vault locked, clock gone); alarms and
    // notifications may survive it and must not speak for a session that no longer exists.
    for (const a of await browser.alarms.getAll()) {
      if (a.name.startsWith("idle:") || a.name === LOGIN_ALARM) await browser.alarms.clear(a.name);
    }
    await clearNote(NOTE.warn);
    await refreshBadge();
  }),
);

browser.alarms.onAlarm.addListener(
  fireAndForget(async (alarm) => {
    if (alarm.name === LOGIN_ALARM) await onLoginTimeout();
    else if (alarm.name === SAVE_PROMPT_ALARM) await dismissPendingSave();
    else await idle.onAlarm(alarm.name);
  }),
);

browser.tabs.onRemoved.addListener(
  fireAndForget(async (tabId) => {
    await forgetPendingFor(tabId);
    const known = (await allTabInfo())[String(tabId)];
    if (!known) return;
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

browser.notifications.onClicked.addListener(fireAndForget((id) => idle.onNotificationAction(id)));
browser.notifications.onButtonClicked?.addListener(
  fireAndForget((id) => idle.onNotificationAction(id)),
);

browser.idle.onStateChanged.addListener(fireAndForget((state) => onIdleStateChanged(state)));

browser.commands.onCommand.addListener(
  fireAndForget(async (command) => {
    if (command === "fill-and-submit") await fillFromShortcut();
  }),
);
