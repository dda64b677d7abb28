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
import type { Settings } from "../settings";
import { clockItem } from "../storage/items";
import { getSettings, onSettingsChanged } from "./settings-store";
import { clearNote, minutesMessage, notify, NOTE } from "./notifications";
import { sessionSerial } from "./serial";

const ALARM_PREFIX = "idle:";
const ALARMS = ["warn", "tick", "expire"].map((name) => ALARM_PREFIX + name);
// How far ahead mayBeIdleLogout looks.
const PREDICTION_MARGIN_MS = 10_000;

export function currentClock(): Promise<ClockState> {
  return clockItem.get();
}

/**
 * Saves the clock and re-arms the one alarm it needs. Each call is a round trip to the browser
 * (this is on the fill path): all at once. Creating an alarm replaces one of the same name, so
 * only the others are cleared.
 */
async function commit(clock: ClockState, now = Date.now(), settings?: Settings): Promise<void> {
  const next = nextAlarm(clock, settings ?? (await getSettings()), now);
  const armed = next ? ALARM_PREFIX + next.name : null;
  await Promise.all([
    clockItem.set(clock),
    ...ALARMS.filter((name) => name !== armed).map((name) => browser.alarms.clear(name)),
    ...(next && armed ? [browser.alarms.create(armed, { when: next.when })] : []),
  ]);
}

/** Activity in any IamOffice tab counts: the session cookie is shared by all of them. */
export function activity(opts: { logoutClick?: boolean } = {}): Promise<void> {
  return sessionSerial(async () => {
    const now = Date.now();
    const [before, settings] = await Promise.all([currentClock(), getSettings()]);
    let clock = onActivity(before, settings, now);
    if (opts.logoutClick) clock = onLogoutClick(clock, now);
    await Promise.all([before.warned && clearNote(NOTE.warn), commit(clock, now, settings)]);
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
    const [clock, settings] = await Promise.all([currentClock(), getSettings()]);
    const r = onTabState(clock, settings, { tabId, state, now });
    const ended = r.event === "idle-logout" || r.event === "user-logout" || r.event === "stopped";
    await Promise.all([ended && clearNote(NOTE.warn), commit(r.state, now, settings)]);
    return r.event;
  });
}

/**
 * Could a login window shown in this tab now be classed an idle logout (which queues the
 * automatic re-login its fill must carry)? Reads the clock without changing it; `newDocument`:
 * the page load counts as activity first, as it will when recorded. A margin covers the moments
 * before the report is recorded: answering "no" means no idle logout is possible for a while.
 */
export async function mayBeIdleLogout(tabId: number, newDocument: boolean): Promise<boolean> {
  const now = Date.now();
  const [before, settings] = await Promise.all([currentClock(), getSettings()]);
  const clock = newDocument ? onActivity(before, settings, now) : before;
  if (clock.lapsedAt !== null) return true;
  return [now, now + PREDICTION_MARGIN_MS].some(
    (t) => onTabState(clock, settings, { tabId, state: "login", now: t }).event === "idle-logout",
  );
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
  await commit(clock, now, settings);
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
  const [clock, settings] = await Promise.all([currentClock(), getSettings()]);
  return minutesLeft(clock, settings, now);
}

// A changed timeout, lead or badge setting re-plans the alarms at once.
onSettingsChanged(() => sessionSerial(async () => commit(await currentClock())));
