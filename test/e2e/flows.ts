// User flows shared by the vault and autofill end-to-end tests: create the vault, add a
// workspace, unlock and lock, all through the extension's own pages by visible labels and
// button texts (options/*.tsx, popup/*.tsx, public/_locales/en/messages.json).
import type { Frame, Page } from "puppeteer-core";
import {
  clickButton,
  fillByLabels,
  findButton,
  findByLabel,
  valuesByLabels,
  type Harness,
} from "./harness";

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A saved workspace as the user types it in the options page. */
export interface Workspace {
  name: string;
  workspace: string;
  identifier: string;
  password: string;
}

/** The demo's login window labels (scripts/demo/public/views.js). */
export const DEMO_LABELS = ["Espace de travail", "Identifiant", "Mot de passe"] as const;

/**
 * Polls `probe` until `done(value)` holds, then returns the last value; after `timeout` ms
 * returns the last value anyway, so the caller's `expect` shows what was there instead.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeout = 10_000, interval = 100 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(interval);
  }
}

/** The visible text of a page (extension page, popup or web page). */
export function visibleText(page: Page | Frame): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Waits until the page shows `text` (a substring of its visible text); throws if it never does. */
export async function waitForText(
  page: Page | Frame,
  text: string,
  { timeout = 10_000 }: { timeout?: number } = {},
): Promise<void> {
  const shown = await eventually(
    () => visibleText(page),
    (t) => t.includes(text),
    { timeout },
  );
  if (!shown.includes(text)) {
    throw new Error(`"${text}" never showed; the page says:\n${shown.slice(0, 2000)}`);
  }
}

/** Waits for a visible, enabled button with that text, then clicks it as a user. */
export async function clickWhenReady(
  page: Page | Frame,
  text: string | RegExp,
  { timeout = 10_000 }: { timeout?: number } = {},
): Promise<void> {
  const ready = await eventually(
    async () => {
      const button = await findButton(page, text);
      if (!button) return false;
      const enabled = await button.evaluate((el) => !(el as HTMLButtonElement).disabled);
      await button.dispose();
      return enabled;
    },
    (ok) => ok,
    { timeout },
  );
  if (!ready) throw new Error(`no enabled button "${String(text)}" within ${timeout} ms`);
  await clickButton(page, text);
}

/** Waits until a field with that label is visible. */
export async function waitForLabel(
  page: Page | Frame,
  label: string,
  { timeout = 10_000 }: { timeout?: number } = {},
): Promise<void> {
  const found = await eventually(
    async () => {
      const field = await findByLabel(page, label);
      await field?.dispose();
      return field !== null;
    },
    (ok) => ok,
    { timeout },
  );
  if (!found) throw new Error(`no field labelled "${label}" within ${timeout} ms`);
}

/** Whether a field with that label is visible right now. */
export async function hasLabel(page: Page | Frame, label: string): Promise<boolean> {
  const field = await findByLabel(page, label);
  await field?.dispose();
  return field !== null;
}

/** Whether a button with that text is visible right now. */
export async function hasButton(page: Page | Frame, text: string | RegExp): Promise<boolean> {
  const button = await findButton(page, text);
  await button?.dispose();
  return button !== null;
}

/**
 * First run: the options page opens on the create form; choose the master password. Returns
 * the options page, on the (unlocked) dashboard.
 */
export async function createVault(h: Harness, master: string): Promise<Page> {
  const options = await h.openOptions();
  await waitForLabel(options, "Confirm master password");
  await fillByLabels(options, {
    "Master password": master,
    "Confirm master password": master,
  });
  await clickWhenReady(options, "Create vault");
  // Argon2id runs now (~1 s); then the dashboard replaces the create form.
  await waitForButton(options, "Add workspace", { timeout: 30_000 });
  return options;
}

/** Waits until a visible button with that text exists. */
export async function waitForButton(
  page: Page | Frame,
  text: string | RegExp,
  { timeout = 10_000 }: { timeout?: number } = {},
): Promise<void> {
  const found = await eventually(
    () => hasButton(page, text),
    (ok) => ok,
    { timeout },
  );
  if (!found) throw new Error(`no button "${String(text)}" within ${timeout} ms`);
}

/** Options page, unlocked: "Add workspace", fill the form, "Save", wait for "“name” saved." */
export async function addWorkspace(options: Page, entry: Workspace): Promise<void> {
  await options.bringToFront();
  await clickWhenReady(options, "Add workspace");
  await waitForLabel(options, "Identifier");
  await fillByLabels(options, {
    Name: entry.name,
    Workspace: entry.workspace,
    Identifier: entry.identifier,
    Password: entry.password,
  });
  await clickWhenReady(options, "Save");
  await waitForText(options, `“${entry.name}” saved.`);
}

/**
 * Types the master password into an unlock form ("Master password" + "Unlock") of the options
 * page or the popup and submits it. Does not wait for the outcome.
 */
export async function submitUnlock(page: Page, master: string): Promise<void> {
  await waitForLabel(page, "Master password");
  await fillByLabels(page, { "Master password": master });
  await clickWhenReady(page, "Unlock");
}

/** Unlocks from the options page and waits for the dashboard. */
export async function unlockOptions(options: Page, master: string): Promise<void> {
  await options.bringToFront();
  await submitUnlock(options, master);
  await waitForButton(options, "Add workspace", { timeout: 30_000 });
}

/** Locks from the options page header ("Lock") and waits for the unlock form. */
export async function lockOptions(options: Page): Promise<void> {
  await options.bringToFront();
  await clickWhenReady(options, "Lock");
  await waitForButton(options, "Unlock");
}

/** The values the demo login window shows, keyed by its labels. */
export function demoValues(page: Page | Frame): Promise<Record<string, string | null>> {
  return valuesByLabels(page, [...DEMO_LABELS]);
}

/** What the demo login window should show once `entry` is filled in. */
export function demoExpected(entry: Workspace): Record<string, string> {
  return {
    "Espace de travail": entry.workspace,
    Identifiant: entry.identifier,
    "Mot de passe": entry.password,
  };
}

export const EMPTY_DEMO = { "Espace de travail": "", Identifiant: "", "Mot de passe": "" };

/** Waits until the demo login window shows `want` (or times out), returns what it shows. */
export function demoValuesEventually(
  page: Page | Frame,
  want: Record<string, string>,
  { timeout = 10_000 }: { timeout?: number } = {},
): Promise<Record<string, string | null>> {
  return eventually(
    () => demoValues(page),
    (v) => DEMO_LABELS.every((label) => v[label] === want[label]),
    { timeout },
  );
}

/**
 * Loads `url` as a fresh document in the shared tab. Going through about:blank makes a change
 * of fragment only (`/#a` → `/#b`) a real load instead of a same-document navigation.
 */
export async function freshGoto(h: Harness, url: string): Promise<Page> {
  await h.goto("about:blank");
  const since = Date.now();
  const page = await h.goto(url);
  loadedSince.set(page, since);
  await page.bringToFront();
  return page;
}

/** When the test last started loading each page (freshGoto), for contentSettled. */
const loadedSince = new WeakMap<Page, number>();

/**
 * Waits until our content script in `page` (an IamOffice top frame) has decided, from what the
 * extension itself records in storage.session for the tab: its first report from the document
 * loaded since `since` (default: the last freshGoto of that page) is in, and when it saw a login
 * window, its fill request has an outcome ("filled", "refused", "locked", …). Returns that
 * outcome. This replaces fixed "nothing happened" waits: a negative check runs once the
 * extension had its chance, however slow the machine.
 */
export async function contentSettled(
  h: Harness,
  page: Page,
  {
    since = loadedSince.get(page) ?? 0,
    timeout = 15_000,
    loginWindow = false,
    fill = false,
  }: {
    since?: number;
    timeout?: number;
    /** The page shows its login window once its own scripts ran (the demo): wait for it. */
    loginWindow?: boolean;
    /** A fill must have been tried (the page may hide its window after): wait for its outcome. */
    fill?: boolean;
  } = {},
): Promise<{ state: string; lastFill?: string }> {
  await page.waitForFunction(() => document.readyState === "complete", { timeout });
  const url = page.url();
  const read = () =>
    h.evalInExtension(
      async (browser, want: string, after: number, needsWindow: boolean, needsFill: boolean) => {
        const tabs = (await browser.tabs.query({})).filter((t) => t.url === want);
        const info = ((await browser.storage.session.get("tabs")).tabs ?? {}) as Record<
          string,
          { state: string; loadedAt?: number; lastFill?: string }
        >;
        const states = tabs.map((t) => info[String(t.id)]);
        const done = states.every(
          (s) =>
            s &&
            (s.loadedAt ?? 0) >= after &&
            (needsFill ? s.lastFill : s.state === "login" ? s.lastFill : !needsWindow),
        );
        return { done: tabs.length > 0 && done, state: states[0] };
      },
      url,
      since,
      loginWindow,
      fill,
    );
  const last = await eventually(read, (r) => r.done, { timeout, interval: 50 });
  if (!last.done || !last.state) {
    throw new Error(`the content script never settled in ${url}: ${JSON.stringify(last.state)}`);
  }
  return last.state;
}

/**
 * For a page where our content script must not run (another host, `http:`, a foreign frame):
 * loads a real IamOffice login page in a new tab, after the page under test, and waits until
 * the extension has decided there. A content script injected into the page under test at its
 * own load would have decided by then as well, so "nothing was filled" is checked after the
 * extension had its chance — not after a guessed delay.
 */
export async function extensionHadItsChance(h: Harness): Promise<void> {
  const since = Date.now();
  const control = await h.newPage(h.fixtureUrl("login/label-for.html"));
  // In front, as the page the user looks at (a fill waits for its tab to be visible).
  await control.bringToFront();
  try {
    await contentSettled(h, control, { since });
  } finally {
    await control.close();
  }
}
