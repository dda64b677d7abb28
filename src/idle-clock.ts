// Arithmetic of the idle-logout watch. IamOffice logs the user out after 20 minutes
// "sans aucune action" (vendor help page, docs/vendor-login.md); we mirror that clock to
// warn before it happens and to tell an idle logout from a deliberate one. Pure: `now` is always
// passed in, and the state is plain JSON kept in storage.session by the background
// (src/background/idle-watch.ts), so a service worker restart (state read back from storage)
// makes exactly the same decisions.
//
// What counts as activity is decided by the content script (src/content/activity.ts): trusted
// key, pointer, wheel and touch events — NOT bare mouse movement. The vendor speaks of
// "actions"; if IamOffice does count movement, its logout comes later than our deadline, so we
// warn earlier rather than later, and a login window after our deadline is still an idle logout.

import type { PageState } from "./protocol";
import type { Settings } from "./settings";

export type ClockSettings = Pick<
  Settings,
  "idleTimeoutMinutes" | "warningLeadMinutes" | "notifications" | "countdownBadge"
>;

export interface ClockState {
  /** Tabs whose page last showed the application logged in; the clock runs while non-empty. */
  loggedInTabs: number[];
  /** Epoch ms of the last reported action (a login counts); meaningful while running. */
  lastActivity: number;
  /** The warning of the current idle period was given; cleared by activity. */
  warned: boolean;
  /**
   * When an action arrived at or after the deadline. That action is typically the click that
   * makes IamOffice show its login window, and it resets our clock just before the window is
   * reported, so the logout is classified from this instead.
   */
  lapsedAt: number | null;
  /** When the user last clicked Déconnexion (in the page, or through the popup). */
  logoutClickAt: number | null;
}

export type ClockEvent = "started" | "stopped" | "idle-logout" | "user-logout";
export type LogoutKind = "idle" | "user" | "unknown";

const MINUTE = 60_000;
/**
 * The site's clock and ours differ a little (it may count from its last request, and our
 * activity reports are throttled: src/content/activity.ts), so a login window this close before
 * our deadline is still the idle logout. Capped at a tenth of the timeout so the short clocks of
 * end-to-end tests keep meaning something.
 */
const LOGOUT_TOLERANCE_MS = 30_000;
/** How long after a lapsed action a login window is still blamed on the idle timeout. */
const LAPSE_GRACE_MS = 60_000;
/** How long after a click on Déconnexion a login window is blamed on that click. */
const USER_LOGOUT_WINDOW_MS = 15_000;
/** The badge counts down the last minutes only (or from the warning, if that comes earlier). */
const BADGE_FROM_MS = 5 * MINUTE;

export function initialClock(): ClockState {
  return { loggedInTabs: [], lastActivity: 0, warned: false, lapsedAt: null, logoutClickAt: null };
}

export function isRunning(s: ClockState): boolean {
  return s.loggedInTabs.length > 0;
}

function timing(s: ClockState, settings: ClockSettings) {
  const timeout = Math.round(settings.idleTimeoutMinutes * MINUTE);
  // Settings refuse lead >= timeout (src/settings.ts); clamped anyway so the warning never
  // precedes the last action.
  const lead = Math.min(Math.round(settings.warningLeadMinutes * MINUTE), timeout);
  const end = s.lastActivity + timeout;
  return {
    end,
    warnAt: end - lead,
    lead,
    tolerance: Math.min(LOGOUT_TOLERANCE_MS, timeout / 10),
    badgeFrom: Math.max(BADGE_FROM_MS, lead),
  };
}

/** Whole minutes left, rounded up (0 once the deadline has passed). */
export function minutesLeft(s: ClockState, settings: ClockSettings, now: number): number | null {
  if (!isRunning(s)) return null;
  return Math.ceil(Math.max(0, timing(s, settings).end - now) / MINUTE);
}

/**
 * Any trusted action in any IamOffice tab starts a new idle period. Ignored while no tab is
 * logged in (typing into the login window does not keep a session alive).
 */
export function onActivity(s: ClockState, settings: ClockSettings, now: number): ClockState {
  if (!isRunning(s)) return s;
  const t = timing(s, settings);
  const lapsed = now >= t.end - t.tolerance;
  // `now`, even if earlier than lastActivity: after a wall-clock jump back, the new clock wins.
  return { ...s, lastActivity: now, warned: false, lapsedAt: lapsed ? now : s.lapsedAt };
}

export function onLogoutClick(s: ClockState, now: number): ClockState {
  return { ...s, logoutClickAt: now };
}

/** The background showed the warning of this idle period. */
export function onWarned(s: ClockState): ClockState {
  return { ...s, warned: true };
}

export function classifyLogout(
  s: ClockState,
  settings: ClockSettings,
  now: number,
  opts: { userClickedLogout: boolean },
): LogoutKind {
  const click = s.logoutClickAt;
  if (
    opts.userClickedLogout ||
    (click !== null && now >= click && now - click <= USER_LOGOUT_WINDOW_MS)
  )
    return "user";
  if (!isRunning(s)) return "unknown";
  const t = timing(s, settings);
  if (now >= t.end - t.tolerance) return "idle";
  const lapsed = s.lapsedAt;
  if (lapsed !== null && now >= lapsed && now - lapsed <= LAPSE_GRACE_MS) return "idle";
  return "unknown";
}

/**
 * What a tab's content script saw. Only transitions matter: a repeated "logged-in" report must
 * not count as activity, or a chatty page would keep the clock from ever expiring. "unknown"
 * (loading, recovery form, detection in doubt) is no news and changes nothing.
 *
 * An idle or user logout ends the session for every tab (IamOffice's session is the browser's,
 * see the help page's "Cas d'une connexion déjà établie"); an unexplained login window only
 * takes its own tab out of the count.
 */
export function onTabState(
  s: ClockState,
  settings: ClockSettings,
  change: { tabId: number; state: PageState; now: number; userLoggedOut?: boolean },
): { state: ClockState; event?: ClockEvent } {
  const { tabId, now } = change;
  const known = s.loggedInTabs.includes(tabId);
  if (change.state === "logged-in") {
    if (known) return { state: s };
    const started = !isRunning(s);
    const state: ClockState = {
      ...s,
      loggedInTabs: [...s.loggedInTabs, tabId],
      lastActivity: now,
      warned: false,
      // The session is demonstrably alive: earlier lapses and clicks no longer explain anything.
      lapsedAt: null,
      logoutClickAt: started ? null : s.logoutClickAt,
    };
    return started ? { state, event: "started" } : { state };
  }
  if (change.state !== "login" || !known) return { state: s };
  const kind = classifyLogout(s, settings, now, {
    userClickedLogout: change.userLoggedOut ?? false,
  });
  if (kind === "idle") return { state: initialClock(), event: "idle-logout" };
  if (kind === "user") return { state: initialClock(), event: "user-logout" };
  const rest = { ...s, loggedInTabs: s.loggedInTabs.filter((id) => id !== tabId) };
  return isRunning(rest) ? { state: rest } : { state: initialClock(), event: "stopped" };
}

/** Closing the last logged-in tab stops the clock: a logout nobody can see needs no warning. */
export function onTabClosed(s: ClockState, tabId: number): ClockState {
  if (!s.loggedInTabs.includes(tabId)) return s;
  const rest = { ...s, loggedInTabs: s.loggedInTabs.filter((id) => id !== tabId) };
  return isRunning(rest) ? rest : initialClock();
}

export type AlarmName = "warn" | "tick" | "expire";

/**
 * The one alarm the background should (re)schedule after any change, or null. "warn": notify
 * (then call onWarned). "tick": refresh the badge at each minute mark of the countdown and at
 * the warning time (colour change). "expire": the deadline; clear the badge and probe the tabs —
 * the logout itself is only concluded when a login window is reported.
 *
 * Chrome (MV3, packed) fires no alarm sooner than 30 s after it is set, one-shot `when` alarms
 * included (Chromium's kMV3ReleaseDelayMinimum; unpacked extensions, as in end-to-end tests, get
 * 1 s). Our alarms are normally a minute apart; when a warning time falls just before a minute
 * mark, the badge may lag by up to 30 s, which is harmless.
 */
export function nextAlarm(
  s: ClockState,
  settings: ClockSettings,
  now: number,
): { name: AlarmName; when: number } | null {
  if (!isRunning(s)) return null;
  const t = timing(s, settings);
  if (now >= t.end) return null;
  const candidates: { name: AlarmName; when: number }[] = [];
  // An overdue warning (worker asleep, lead just lengthened) is due now.
  if (settings.notifications && !s.warned) {
    candidates.push({ name: "warn", when: Math.max(t.warnAt, now) });
  }
  if (settings.countdownBadge) {
    const marks = [t.warnAt, t.end - t.badgeFrom];
    for (let k = 1; k * MINUTE <= t.badgeFrom; k++) marks.push(t.end - k * MINUTE);
    const future = marks.filter((m) => m > now);
    if (future.length) candidates.push({ name: "tick", when: Math.min(...future) });
  }
  candidates.push({ name: "expire", when: t.end });
  // Earliest wins; on a tie the first pushed (warn, whose handler refreshes the badge too).
  return candidates.reduce((best, c) => (c.when < best.when ? c : best));
}

/**
 * The toolbar countdown: "3m" in the last minutes, in warning colour from the warning time on.
 * Null when the clock is stopped, the setting is off, it is too early, or the deadline passed.
 */
export function badgeFor(
  s: ClockState,
  settings: ClockSettings,
  now: number,
): { text: string; warning: boolean } | null {
  if (!settings.countdownBadge || !isRunning(s)) return null;
  const t = timing(s, settings);
  const left = t.end - now;
  if (left <= 0 || left > t.badgeFrom) return null;
  return { text: `${Math.ceil(left / MINUTE)}m`, warning: left <= t.lead };
}
