// Browser glue of the idle-logout watch: the arithmetic is in src/idle-clock.ts; this file
// keeps its state in storage.session, schedules the next alarm, and speaks (badge,
// notifications). Nothing here fakes activity: IamOffice's logout is the vendor's rule.
import browser from "../browser";
import type { PageState } from "../protocol";
import {
  badgeFor,
  initialClock,
  minutesLeft,
  nextAlarm,
  onActivity,
  onLogoutClick,
  onTabClosed,
  onTabState,
  onWarned,
  readClock,
  type ClockState,
} from "../idle-clock";
import { session } from "../storage";
import { getSettings, onSettingsChanged } from "./settings-store";
import { clearNote, minutesMessage, notify, NOTE } from "./notifications";
import { refreshBadge } from "./badge";
import { focusTab, tabInfo } from "./tabs";
import * as vault from "./vault";
import { oneClickLogin, setPending } from "./login";
import { sessionSerial } from "./serial";

const ALARM_PREFIX = "idle:";

async function load(): Promise<ClockState> {
  return readClock(await session.get("clock"));
}

/** Saves the clock, re-arms the one alarm it needs, and refreshes the badge. */
async function commit(clock: ClockState, now = Date.now()): Promise<void> {
  await session.set({ clock });
  const settings = await getSettings();
  for (const name of ["warn", "tick", "expire"]) await browser.alarms.clear(ALARM_PREFIX + name);
  const next = nextAlarm(clock, settings, now);
  if (next) await browser.alarms.create(ALARM_PREFIX + next.name, { when: next.when });
  await refreshBadge(now);
}

/** Activity in any IamOffice tab counts: the session cookie is shared by all of them. */
export function activity(opts: { logoutClick?: boolean } = {}): Promise<void> {
  return sessionSerial(async () => {
    const now = Date.now();
    let clock = await load();
    const wasWarned = clock.warned;
    clock = onActivity(clock, await getSettings(), now);
    if (opts.logoutClick) clock = onLogoutClick(clock, now);
    if (wasWarned) await clearNote(NOTE.warn);
    await commit(clock, now);
  });
}

export function tabState(
  tabId: number,
  previous: PageState | undefined,
  state: PageState,
): Promise<void> {
  if (previous === state) return Promise.resolve();
  return sessionSerial(async () => {
    const now = Date.now();
    const settings = await getSettings();
    const r = onTabState(await load(), settings, { tabId, state, now });
    if (r.event === "idle-logout" || r.event === "user-logout" || r.event === "stopped") {
      await clearNote(NOTE.warn);
    }
    if (r.event === "idle-logout") await afterIdleLogout(tabId);
    await commit(r.state, now);
  });
}

async function afterIdleLogout(tabId: number): Promise<void> {
  const settings = await getSettings();
  // Only the account this tab was known to use: never guess another one (a user logged in by
  // hand as an unsaved account must not come back as somebody else).
  const entryId = (await tabInfo(tabId))?.entryId;
  if (!entryId) return;
  await session.set({ reloginEntryId: entryId });
  const unlocked = (await vault.status()).state === "unlocked";
  if (settings.autoRelogin && unlocked) {
    // The content script asks for a fill right after reporting the login window: a pending
    // login for this tab makes that fill submit, as a one-click login would.
    if (!(await session.get("pendingLogin"))) await setPending(tabId, entryId);
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

export function tabClosed(tabId: number): Promise<void> {
  return sessionSerial(async () => {
    const next = onTabClosed(await load(), tabId);
    if (next.loggedInTabs.length === 0) await clearNote(NOTE.warn);
    await commit(next);
  });
}

export function onAlarm(name: string): Promise<void> {
  if (!name.startsWith(ALARM_PREFIX)) return Promise.resolve();
  return sessionSerial(() => warnIfDue(name));
}

async function warnIfDue(name: string): Promise<void> {
  const now = Date.now();
  let clock = await load();
  const settings = await getSettings();
  if (name === `${ALARM_PREFIX}warn` && !clock.warned && settings.notifications) {
    const left = minutesLeft(clock, settings, now);
    if (left !== null && left > 0) {
      await notify(NOTE.warn, {
        title: "notifWarnTitle",
        message: minutesMessage("notifWarnBody", left),
        button: "notifWarnButton",
      });
      clock = onWarned(clock);
    }
  }
  await commit(clock, now);
}

export async function onNotificationAction(id: string): Promise<void> {
  await clearNote(id);
  if (id === NOTE.warn) {
    const [tabId] = (await load()).loggedInTabs;
    const tab =
      tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
    if (tab) await focusTab(tab);
    return;
  }
  if (id === NOTE.loggedOut) {
    const entryId = await session.get("reloginEntryId");
    if (!entryId) return;
    if ((await vault.status()).state === "unlocked") {
      await oneClickLogin({ entryId, newTab: false });
    } else {
      // Unlocking needs the master password: the popup asks for it, then fills the window.
      await browser.action.openPopup?.().catch(() => browser.runtime.openOptionsPage());
    }
  }
}

export function reset(): Promise<void> {
  return sessionSerial(async () => {
    await clearNote(NOTE.warn);
    await commit(initialClock());
  });
}

export async function minutesLeftNow(now = Date.now()): Promise<number | null> {
  return minutesLeft(await load(), await getSettings(), now);
}

export async function countdownBadge(
  now = Date.now(),
): Promise<{ text: string; warning: boolean; minutes: number } | null> {
  const clock = await load();
  const settings = await getSettings();
  const b = badgeFor(clock, settings, now);
  return b ? { ...b, minutes: minutesLeft(clock, settings, now) ?? 0 } : null;
}

// A changed timeout, lead or badge setting re-plans the alarms at once.
onSettingsChanged(() => sessionSerial(async () => commit(await load())));
