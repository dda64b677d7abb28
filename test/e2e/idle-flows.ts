// Helpers for the idle-logout end-to-end tests (idle.test.ts): the user's saved workspace, a
// shortened idle clock, logging into the demo, the toolbar badge, and stopping the background.
// Notifications are seen and clicked through notification-probe.ts.
import type { Page } from "puppeteer-core";
import { expect } from "vitest";
import type { Settings } from "../../src/settings";
import { inFirefoxParent } from "./firefox-parent";
import { IAMOFFICE_URL, clickButton, valuesByLabels, type Harness } from "./harness";
import type { NotificationProbe } from "./notification-probe";

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** The user's saved workspace (added through the options page, test/e2e/flows.ts). */
export const ACCOUNT = Object.freeze({
  name: "Démo",
  workspace: "demo",
  identifier: "marie.dupont",
  password: "Mot-de-passe-de-démo-7",
  master: "correct horse battery staple 42",
});

/** Notification ids (src/background/notifications.ts): a user tells them apart by their text. */
export const NOTE = { warn: "idle-warning", loggedOut: "idle-logged-out" } as const;

/** The badge colours the user sees (src/background/badge.ts), as getBadgeBackgroundColor gives. */
export const BADGE_WARNING = [197, 34, 31, 255];

/** Polls `probe` until it returns something truthy; fails with `what` after `timeout` ms. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T>,
  { timeout = 10_000, interval = 100 }: { timeout?: number; interval?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
}

// ---- the clock and the demo session ----

type Clock = Pick<Settings, "idleTimeoutMinutes" | "warningLeadMinutes">;

/** Shortens the idle clock through the validated settings path (an extension page is trusted). */
export async function setClock(h: Harness, clock: Clock): Promise<void> {
  const r = await h.evalInExtension(
    (browser, patch) => browser.runtime.sendMessage({ type: "settings.set", payload: { patch } }),
    clock,
  );
  expect(r, "settings.set accepted the short clock").toMatchObject({ ok: true });
}

/**
 * Opens the demo (logging out by itself after `idleSeconds` without a trusted action), waits
 * for the extension to fill the login window, and clicks Connexion as the user. Returns the
 * tab and when the click happened (the clock starts just after it).
 */
export async function logIn(
  h: Harness,
  { idleSeconds }: { idleSeconds: number },
): Promise<{ page: Page; at: number }> {
  const page = await h.goto(`${IAMOFFICE_URL}?idle=${idleSeconds}`);
  await page.bringToFront();
  await waitForFilledLogin(page);
  const at = Date.now();
  await clickButton(page, "Connexion");
  await page.waitForFunction(() => document.body.dataset.loggedIn === "1", { timeout: 5000 });
  return { page, at };
}

/** Waits until the extension has filled the page's login window with the saved workspace. */
export async function waitForFilledLogin(page: Page): Promise<void> {
  await waitFor("the extension to fill the login window", async () => {
    const v = await valuesByLabels(page, ["Espace de travail", "Identifiant", "Mot de passe"]);
    return (
      v["Espace de travail"] === ACCOUNT.workspace &&
      v.Identifiant === ACCOUNT.identifier &&
      v["Mot de passe"] === ACCOUNT.password
    );
  });
}

/** The URL of the tab in front, in the window the user used last. */
export function activeTabUrl(h: Harness): Promise<string | undefined> {
  return h.evalInExtension(async (browser) => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.url;
  });
}

/**
 * A clean start for the next test: the user leaves IamOffice in that tab, which stops the clock
 * (it only runs for logged-in tabs), and notifications of the previous test are dismissed.
 */
export async function startOver(h: Harness): Promise<void> {
  await h.goto("about:blank");
  await waitFor("the countdown badge to go", async () => (await badge(h)).text === "");
  await h.evalInExtension(async (browser) => {
    for (const id of Object.keys(await browser.notifications.getAll())) {
      await browser.notifications.clear(id);
    }
  });
}

// ---- what the user sees ----

export interface Badge {
  text: string;
  color: number[];
  title: string;
}

/**
 * The badge as one state. The worker sets the title after the text and colour
 * (src/background/badge.ts), so the title is read first: the text and colour read after it
 * are those that go with it (or newer), never older ones.
 */
export function badge(h: Harness): Promise<Badge> {
  return h.evalInExtension(async (browser) => {
    const title = await browser.action.getTitle({});
    return {
      text: await browser.action.getBadgeText({}),
      color: await browser.action.getBadgeBackgroundColor({}),
      title,
    };
  });
}

// ---- stopping the background mid-countdown ----

/**
 * Stops the background the way the browser does when it is idle. Chromium: the service worker
 * (h.stopServiceWorker). Firefox: the event page, through Firefox's own idle-suspend path
 * (`extension.terminateBackground`, what its idle timer calls).
 */
export async function stopBackground(h: Harness): Promise<void> {
  if (h.name === "chromium") {
    await h.stopServiceWorker();
    return;
  }
  await inFirefoxParent(
    h,
    `(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(h.extensionId)});
      await extension.terminateBackground({ disableResetIdleForTest: true });
      return extension.backgroundState;
    })()`,
  );
}

/** Whether the background (service worker / event page) is running right now. */
export async function backgroundRunning(h: Harness): Promise<boolean> {
  if (h.name === "chromium") return h.isServiceWorkerRunning();
  const state = await inFirefoxParent<string>(
    h,
    `ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs")
      .ExtensionParent.GlobalManager.getExtension(${JSON.stringify(h.extensionId)}).backgroundState`,
  );
  return state === "running";
}

/**
 * The background's own view (clock, tabs, alarms) and the notification log, printed when a test
 * fails: what the user saw is asserted, this says why.
 */
export async function diagnostics(h: Harness, notes: NotificationProbe): Promise<string> {
  const state = await h.evalInExtension(async (browser) => ({
    now: Date.now(),
    session: await browser.storage.session.get(["clock", "tabs", "reloginEntryId"]),
    alarms: await browser.alarms.getAll(),
    notifications: Object.keys(await browser.notifications.getAll()),
    badge: await browser.action.getBadgeText({}),
  }));
  const events = await notes.events().catch((e: unknown) => String(e));
  return JSON.stringify({ ...state, events }, null, 1);
}
