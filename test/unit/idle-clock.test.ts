// The idle clock runs on a fake clock: every function takes `now`, so minutes pass instantly.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ACTIVITY_REPORT_INTERVAL_MS, shouldReport } from "../../src/content/activity";
import {
  type ClockSettings,
  type ClockState,
  badgeFor,
  classifyLogout,
  initialClock,
  isRunning,
  minutesLeft,
  nextAlarm,
  onActivity,
  onLogoutClick,
  onTabClosed,
  onTabState,
  onWarned,
} from "../../src/idle-clock";
import { DEFAULT_SETTINGS } from "../../src/settings";
import { parseClock } from "../../src/storage/parse";

const S = 1_000;
const MIN = 60 * S;
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const defaults: ClockSettings = DEFAULT_SETTINGS; // 20 min, warning 2 min before, both on

// The vendor's rule, stated here on its own: IamOffice logs out `idleTimeoutMinutes` after the
// last action, and the warning comes `warningLeadMinutes` before that (never before the action).
function deadline(s: ClockState, settings: ClockSettings): number | null {
  return isRunning(s) ? s.lastActivity + Math.round(settings.idleTimeoutMinutes * MIN) : null;
}
function warningAt(s: ClockState, settings: ClockSettings): number | null {
  const end = deadline(s, settings);
  if (end === null) return null;
  const timeout = Math.round(settings.idleTimeoutMinutes * MIN);
  return end - Math.min(Math.round(settings.warningLeadMinutes * MIN), timeout);
}
/** The clock as its storage item reads it back (src/storage/items.ts): malformed → stopped. */
const readClock = (stored: unknown): ClockState => parseClock(stored) ?? initialClock();

function loggedIn(tabs: number[] = [1], at = T0, settings = defaults): ClockState {
  let s = initialClock();
  for (const tabId of tabs)
    s = onTabState(s, settings, { tabId, state: "logged-in", now: at }).state;
  return s;
}

/** What the background would do: follow nextAlarm, acknowledging warnings, until nothing is left. */
function alarmPlan(s: ClockState, settings: ClockSettings, from: number): [string, number][] {
  const end = deadline(s, settings)!;
  const plan: [string, number][] = [];
  let now = from;
  for (let i = 0; i < 100; i++) {
    const a = nextAlarm(s, settings, now);
    if (!a) return plan;
    expect(a.when).toBeGreaterThanOrEqual(now);
    plan.push([a.name, (end - a.when) / MIN]);
    now = a.when;
    if (a.name === "warn") s = onWarned(s);
  }
  throw new Error("alarms never stop");
}

describe("starting and stopping", () => {
  it("does not run before any tab is logged in", () => {
    const s = initialClock();
    expect(isRunning(s)).toBe(false);
    expect(deadline(s, defaults)).toBeNull();
    expect(warningAt(s, defaults)).toBeNull();
    expect(minutesLeft(s, defaults, T0)).toBeNull();
    expect(nextAlarm(s, defaults, T0)).toBeNull();
    expect(badgeFor(s, defaults, T0)).toBeNull();
  });

  it("starts when a tab shows the application logged in; the login counts as activity", () => {
    const r = onTabState(initialClock(), defaults, { tabId: 7, state: "logged-in", now: T0 });
    expect(r.event).toBe("started");
    expect(deadline(r.state, defaults)).toBe(T0 + 20 * MIN);
    expect(warningAt(r.state, defaults)).toBe(T0 + 18 * MIN);
  });

  it("a second tab logging in moves the deadline without a second start", () => {
    const s = loggedIn([1]);
    const r = onTabState(s, defaults, { tabId: 2, state: "logged-in", now: T0 + 5 * MIN });
    expect(r.event).toBeUndefined();
    expect(r.state.loggedInTabs).toEqual([1, 2]);
    expect(deadline(r.state, defaults)).toBe(T0 + 25 * MIN);
  });

  it("a repeated logged-in report is not activity", () => {
    const s = loggedIn([1]);
    const r = onTabState(s, defaults, { tabId: 1, state: "logged-in", now: T0 + 10 * MIN });
    expect(r).toEqual({ state: s });
  });

  it("an unknown page state changes nothing", () => {
    const s = loggedIn([1]);
    expect(onTabState(s, defaults, { tabId: 1, state: "unknown", now: T0 + MIN })).toEqual({
      state: s,
    });
  });

  it("stops only when the last logged-in tab closes", () => {
    const s = loggedIn([1, 2]);
    const one = onTabClosed(s, 1);
    expect(isRunning(one)).toBe(true);
    expect(one.loggedInTabs).toEqual([2]);
    expect(onTabClosed(one, 99)).toBe(one);
    expect(onTabClosed(one, 2)).toEqual(initialClock());
  });
});

describe("activity", () => {
  it("moves the deadline and clears the warning", () => {
    let s = onWarned(loggedIn());
    s = onActivity(s, defaults, T0 + 7 * MIN);
    expect(deadline(s, defaults)).toBe(T0 + 27 * MIN);
    expect(s.warned).toBe(false);
  });

  it("is ignored while no tab is logged in", () => {
    const s = initialClock();
    expect(onActivity(s, defaults, T0)).toBe(s);
  });

  it("a lead not shorter than the timeout (refused by settings) warns at the last action", () => {
    const s = loggedIn();
    expect(warningAt(s, { ...defaults, warningLeadMinutes: 30 })).toBe(T0);
  });

  it("follows the settings in force: a longer timeout moves the deadline", () => {
    const s = loggedIn();
    expect(deadline(s, { ...defaults, idleTimeoutMinutes: 30 })).toBe(T0 + 30 * MIN);
  });
});

describe("minutes left and badge", () => {
  const s = loggedIn();
  const end = T0 + 20 * MIN;

  it("counts whole minutes, rounded up, down to 0 at the deadline", () => {
    expect(minutesLeft(s, defaults, T0)).toBe(20);
    expect(minutesLeft(s, defaults, end - 90 * S)).toBe(2);
    expect(minutesLeft(s, defaults, end - 1)).toBe(1);
    expect(minutesLeft(s, defaults, end)).toBe(0);
    expect(minutesLeft(s, defaults, end + 10 * MIN)).toBe(0);
  });

  it.each([
    [6 * MIN, null],
    [5 * MIN + 1, null],
    [5 * MIN, { text: "5m", warning: false }],
    [2 * MIN + 1, { text: "3m", warning: false }],
    [2 * MIN, { text: "2m", warning: true }],
    [61 * S, { text: "2m", warning: true }],
    [1, { text: "1m", warning: true }],
    [0, null],
    [-MIN, null],
  ])("with %d ms left shows %j", (left, expected) => {
    expect(badgeFor(s, defaults, end - left)).toEqual(expected);
  });

  it("shows nothing when the countdown setting is off", () => {
    expect(badgeFor(s, { ...defaults, countdownBadge: false }, end - MIN)).toBeNull();
  });

  it("starts at the warning when the lead is longer than five minutes", () => {
    const long = { ...defaults, warningLeadMinutes: 10 };
    expect(badgeFor(s, long, end - 10 * MIN - 1)).toBeNull();
    expect(badgeFor(s, long, end - 10 * MIN)).toEqual({ text: "10m", warning: true });
  });
});

describe("alarms", () => {
  it("with the defaults: minute ticks from 5 minutes, the warning at 2, then the deadline", () => {
    expect(alarmPlan(loggedIn(), defaults, T0)).toEqual([
      ["tick", 5],
      ["tick", 4],
      ["tick", 3],
      ["warn", 2],
      ["tick", 1],
      ["expire", 0],
    ]);
  });

  it("a warning off the minute marks gets its own tick when notifications are off", () => {
    const settings = { ...defaults, warningLeadMinutes: 1.5, notifications: false };
    expect(alarmPlan(loggedIn([1], T0, settings), settings, T0)).toEqual([
      ["tick", 5],
      ["tick", 4],
      ["tick", 3],
      ["tick", 2],
      ["tick", 1.5],
      ["tick", 1],
      ["expire", 0],
    ]);
  });

  it("without the badge: only the warning and the deadline", () => {
    const settings = { ...defaults, countdownBadge: false };
    expect(alarmPlan(loggedIn(), settings, T0)).toEqual([
      ["warn", 2],
      ["expire", 0],
    ]);
    const neither = { ...settings, notifications: false };
    expect(alarmPlan(loggedIn(), neither, T0)).toEqual([["expire", 0]]);
  });

  it("warns once per idle period, and again after new activity", () => {
    const end = T0 + 20 * MIN;
    let s = onWarned(loggedIn());
    expect(nextAlarm(s, defaults, end - 2 * MIN)).toEqual({ name: "tick", when: end - MIN });
    s = onActivity(s, defaults, end - 90 * S);
    expect(alarmPlan(s, defaults, end - 90 * S).find(([n]) => n === "warn")).toEqual(["warn", 2]);
  });

  it("an overdue warning (worker asleep at that time) is due at once, never after the deadline", () => {
    const s = loggedIn();
    const end = T0 + 20 * MIN;
    expect(nextAlarm(s, defaults, end - 30 * S)).toEqual({ name: "warn", when: end - 30 * S });
    expect(nextAlarm(s, defaults, end)).toBeNull();
  });

  it("the deadline alarm is exactly at the deadline (the tolerance only classifies)", () => {
    const s = onWarned(loggedIn());
    expect(nextAlarm(s, defaults, T0 + 20 * MIN - 1)).toEqual({
      name: "expire",
      when: T0 + 20 * MIN,
    });
  });
});

describe("logout classification", () => {
  const end = T0 + 20 * MIN;
  const loginWindow = (s: ClockState, now: number, tabId = 1, userLoggedOut?: boolean) =>
    onTabState(s, defaults, {
      tabId,
      state: "login",
      now,
      ...(userLoggedOut !== undefined ? { userLoggedOut } : {}),
    });

  it("a login window at the deadline is the idle logout, and ends every tab", () => {
    const r = loginWindow(loggedIn([1, 2]), end + 5 * MIN);
    expect(r).toEqual({ state: initialClock(), event: "idle-logout" });
  });

  it("tolerates the site's clock being up to 30 s ahead of ours", () => {
    expect(loginWindow(loggedIn(), end - 30 * S).event).toBe("idle-logout");
    const early = loginWindow(loggedIn(), end - 31 * S);
    expect(early).toEqual({ state: initialClock(), event: "stopped" });
  });

  it("an unexplained login window in one of several tabs only takes that tab out", () => {
    const r = loginWindow(loggedIn([1, 2]), T0 + 3 * MIN, 2);
    expect(r.event).toBeUndefined();
    expect(r.state.loggedInTabs).toEqual([1]);
  });

  it("a click on Déconnexion makes it a user logout, even after the deadline", () => {
    expect(loginWindow(loggedIn(), end + MIN, 1, true)).toEqual({
      state: initialClock(),
      event: "user-logout",
    });
    expect(loginWindow(loggedIn(), T0 + MIN, 1, true).event).toBe("user-logout");
  });

  it("a recorded click counts for 15 s", () => {
    const clicked = onLogoutClick(loggedIn(), T0 + 3 * MIN);
    expect(loginWindow(clicked, T0 + 3 * MIN + 15 * S).event).toBe("user-logout");
    expect(loginWindow(clicked, T0 + 3 * MIN + 16 * S).event).toBe("stopped");
    const late = onLogoutClick(loggedIn(), end - 10 * S);
    expect(loginWindow(late, end + 4 * S).event).toBe("user-logout");
    expect(loginWindow(late, end + 30 * S).event).toBe("idle-logout");
  });

  it("the click that reveals the logout does not hide it (lapsed activity)", () => {
    // The user comes back, clicks: the content script reports that action first, then the
    // login window IamOffice shows in answer.
    let s = onActivity(loggedIn(), defaults, end + 10 * MIN);
    expect(loginWindow(s, end + 10 * MIN + 2 * S).event).toBe("idle-logout");
    expect(loginWindow(s, end + 11 * MIN + S).event).toBe("stopped");
    // An action after the lapse that IamOffice accepted (still logged in) restarts for real.
    s = onTabState(s, defaults, {
      tabId: 2,
      state: "logged-in",
      now: end + 10 * MIN + 5 * S,
    }).state;
    expect(loginWindow(s, end + 10 * MIN + 10 * S).event).toBeUndefined();
  });

  it("a click before a fresh login does not explain a later login window", () => {
    let s = onLogoutClick(initialClock(), T0);
    s = onTabState(s, defaults, { tabId: 1, state: "logged-in", now: T0 + 2 * S }).state;
    expect(loginWindow(s, T0 + 5 * S).event).toBe("stopped");
  });

  it("a login window in a tab that was never logged in is no event", () => {
    const s = loggedIn([1]);
    expect(loginWindow(s, end + MIN, 5)).toEqual({ state: s });
  });

  it("scales the tolerance down for the short clocks of end-to-end tests", () => {
    const quick = { ...defaults, idleTimeoutMinutes: 0.05, warningLeadMinutes: 0.02 }; // 3 s
    const s = loggedIn([1], T0, quick);
    expect(classifyLogout(s, quick, T0 + S, { userClickedLogout: false })).toBe("unknown");
    expect(classifyLogout(s, quick, T0 + 2.8 * S, { userClickedLogout: false })).toBe("idle");
  });

  it("nothing running: unknown unless the user clicked", () => {
    const s = initialClock();
    expect(classifyLogout(s, defaults, end, { userClickedLogout: false })).toBe("unknown");
    expect(classifyLogout(s, defaults, end, { userClickedLogout: true })).toBe("user");
  });
});

describe("worker restart", () => {
  type Step =
    | { kind: "activity" }
    | { kind: "tab"; tabId: number; state: "login" | "logged-in" | "unknown"; user: boolean }
    | { kind: "close"; tabId: number }
    | { kind: "warned" }
    | { kind: "click" };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.constant<Step>({ kind: "activity" }),
    fc.record({
      kind: fc.constant("tab" as const),
      tabId: fc.integer({ min: 1, max: 3 }),
      state: fc.constantFrom("login" as const, "logged-in" as const, "unknown" as const),
      user: fc.boolean(),
    }),
    fc.record({ kind: fc.constant("close" as const), tabId: fc.integer({ min: 1, max: 3 }) }),
    fc.constant<Step>({ kind: "warned" }),
    fc.constant<Step>({ kind: "click" }),
  );
  const settingsArb = fc
    .record({
      idleTimeoutMinutes: fc.constantFrom(0.05, 1, 20, 45),
      warningLeadMinutes: fc.constantFrom(0.02, 0.5, 2, 10),
      notifications: fc.boolean(),
      countdownBadge: fc.boolean(),
    })
    .filter((s) => s.warningLeadMinutes < s.idleTimeoutMinutes);

  const decisions = (s: ClockState, settings: ClockSettings, now: number) => ({
    deadline: deadline(s, settings),
    warningAt: warningAt(s, settings),
    minutesLeft: minutesLeft(s, settings, now),
    alarm: nextAlarm(s, settings, now),
    badge: badgeFor(s, settings, now),
    logout: classifyLogout(s, settings, now, { userClickedLogout: false }),
  });

  it("a state read back from JSON makes the same decisions, at every step of any story", () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.array(fc.tuple(step, fc.integer({ min: 0, max: 25 * MIN })), { maxLength: 30 }),
        (settings, story) => {
          let s = initialClock();
          let now = T0;
          for (const [st, wait] of story) {
            now += wait;
            if (st.kind === "activity") s = onActivity(s, settings, now);
            else if (st.kind === "close") s = onTabClosed(s, st.tabId);
            else if (st.kind === "warned") s = onWarned(s);
            else if (st.kind === "click") s = onLogoutClick(s, now);
            else
              s = onTabState(s, settings, {
                tabId: st.tabId,
                state: st.state,
                now,
                userLoggedOut: st.user,
              }).state;

            const restored = readClock(JSON.parse(JSON.stringify(s)));
            expect(restored).toStrictEqual(s);
            expect(decisions(restored, settings, now)).toEqual(decisions(s, settings, now));

            // Invariants of any reachable state.
            expect(new Set(s.loggedInTabs).size).toBe(s.loggedInTabs.length);
            const d = deadline(s, settings);
            const alarm = nextAlarm(s, settings, now);
            if (alarm) {
              expect(alarm.when).toBeGreaterThanOrEqual(now);
              expect(alarm.when).toBeLessThanOrEqual(d!);
            }
            const badge = badgeFor(s, settings, now);
            if (badge) expect(badge.text).toBe(`${minutesLeft(s, settings, now)}m`);
            if (d !== null) expect(warningAt(s, settings)).toBeLessThan(d);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the stored clock, read back (parseClock)", () => {
  it("returns a stopped clock for anything malformed", () => {
    const good = loggedIn([1, 2]);
    expect(readClock(good)).toEqual(good);
    for (const bad of [
      undefined,
      null,
      "clock",
      [],
      { ...good, loggedInTabs: "1" },
      { ...good, loggedInTabs: [1.5] },
      { ...good, lastActivity: Number.NaN },
      { ...good, lastActivity: "0" },
      { ...good, warned: 1 },
      { ...good, lapsedAt: undefined },
      { ...good, logoutClickAt: Infinity },
    ]) {
      expect(readClock(bad)).toEqual(initialClock());
    }
  });

  it("drops duplicate tabs", () => {
    expect(readClock({ ...loggedIn([1]), loggedInTabs: [1, 1, 2] }).loggedInTabs).toEqual([1, 2]);
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        readClock(v);
      }),
    );
  });
});

describe("shouldReport (content script throttle)", () => {
  it("reports the first action, then at most once per interval", () => {
    expect(shouldReport(null, T0)).toBe(true);
    expect(shouldReport(T0, T0 + 19_999)).toBe(false);
    expect(shouldReport(T0, T0 + ACTIVITY_REPORT_INTERVAL_MS)).toBe(true);
    expect(ACTIVITY_REPORT_INTERVAL_MS).toBe(20_000);
    expect(shouldReport(T0, T0 + 5_000, 5_000)).toBe(true);
  });

  it("reports at once after the wall clock jumped backwards", () => {
    expect(shouldReport(T0, T0 - 1)).toBe(true);
  });

  it("never lets the reported activity lag the real one by the interval or more", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 * ACTIVITY_REPORT_INTERVAL_MS }), { minLength: 1 }),
        (gaps) => {
          let now = T0;
          let lastSent: number | null = null;
          let reports = 0;
          for (const gap of gaps) {
            now += gap;
            const quiet = lastSent === null || now - lastSent >= ACTIVITY_REPORT_INTERVAL_MS;
            if (shouldReport(lastSent, now)) {
              lastSent = now;
              reports += 1;
            }
            if (quiet) expect(lastSent).toBe(now);
            expect(now - lastSent!).toBeLessThan(ACTIVITY_REPORT_INTERVAL_MS);
          }
          const span = now - T0;
          expect(reports).toBeLessThanOrEqual(Math.floor(span / ACTIVITY_REPORT_INTERVAL_MS) + 1);
        },
      ),
    );
  });
});
