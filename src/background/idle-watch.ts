// The idle-logout watch: owner of the idle clock (storage.session); the arithmetic is
// src/idle-clock.ts. It follows activity and page states, keeps the one alarm the clock needs,
// and warns before the logout. It only tells what happened (a ClockEvent): what follows an idle
// logout is src/background/relogin.ts, and the badge reads the clock itself. Nothing here fakes
// activity: IamOffice's logout is the vendor's rule.
import browser from "../browser";
import type { PageState } from "../protocol";
import {
  minutesLeft,
  nextAlarm,
  onActivity,
  onLogoutClick,
  onTabClosed,
  onTabState,
  onWarned,
  type ClockEvent,
  type ClockState,
} from "../idle-clock";
import { clockItem } from "../storage/items";
import { getSettings, onSettingsChanged } from "./settings-store";
import { clearNote, minutesMessage, notify, NOTE } from "./notifications";
import { sessionSerial } from "./serial";

const ALARM_PREFIX = "idle:";
const ALARMS = ["warn", "tick", "expire"].map((name) => ALARM_PREFIX + name);

export function currentClock(): Promise<ClockState> {
  return clockItem.get();
}

/** Saves the clock and re-arms the one alarm it needs. */
async function commit(clock: ClockState, now = Date.now()): Promise<void> {
  await clockItem.set(clock);
  const settings = await getSettings();
  for (const name of ALARMS) await browser.alarms.clear(name);
  const next = nextAlarm(clock, settings, now);
  if (next) await browser.alarms.create(ALARM_PREFIX + next.name, { when: next.when });
}

/** Activity in any IamOffice tab counts: the session cookie is shared by all of them. */
export function activity(opts: { logoutClick?: boolean } = {}): Promise<void> {
  return sessionSerial(async () => {
    const now = Date.now();
    let clock = await currentClock();
    const wasWarned = clock.warned;
    clock = onActivity(clock, await getSettings(), now);
    if (opts.logoutClick) clock = onLogoutClick(clock, now);
    if (wasWarned) await clearNote(NOTE.warn);
    await commit(clock, now);
  });
}

/** A tab's page state changed; resolves what that meant for the session, if anything. */
export function tabState(
  tabId: number,
  previous: PageState | undefined,
  state: PageState,
): Promise<ClockEvent | undefined> {
  if (previous === state) return Promise.resolve(undefined);
  return sessionSerial(async () => {
    const now = Date.now();
    const r = onTabState(await currentClock(), await getSettings(), { tabId, state, now });
    if (r.event === "idle-logout" || r.event === "user-logout" || r.event === "stopped") {
      await clearNote(NOTE.warn);
    }
    await commit(r.state, now);
    return r.event;
  });
}

export function tabClosed(tabId: number): Promise<void> {
  return sessionSerial(async () => {
    const next = onTabClosed(await currentClock(), tabId);
    if (next.loggedInTabs.length === 0) await clearNote(NOTE.warn);
    await commit(next);
  });
}

export function isIdleAlarm(name: string): boolean {
  return name.startsWith(ALARM_PREFIX);
}

export function onAlarm(name: string): Promise<void> {
  if (!isIdleAlarm(name)) return Promise.resolve();
  return sessionSerial(() => warnIfDue(name));
}

async function warnIfDue(name: string): Promise<void> {
  const now = Date.now();
  let clock = await currentClock();
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

/**
 * A browser restart empties storage.session (the clock with it); its alarms and its warning
 * may survive and must not speak for a session that no longer exists.
 */
export async function forgetAtBrowserStart(): Promise<void> {
  for (const a of await browser.alarms.getAll()) {
    if (isIdleAlarm(a.name)) await browser.alarms.clear(a.name);
  }
  await clearNote(NOTE.warn);
}

export async function minutesLeftNow(now = Date.now()): Promise<number | null> {
  return minutesLeft(await currentClock(), await getSettings(), now);
}

// A changed timeout, lead or badge setting re-plans the alarms at once.
onSettingsChanged(() => sessionSerial(async () => commit(await currentClock())));
