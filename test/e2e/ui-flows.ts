// Shared steps for the popup, options and accessibility end-to-end tests: what a user does
// (create the vault, unlock, read the list) and the few set-up shortcuts that are not under
// test (seeding entries through the same messages the options page sends).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ElementHandle, Page } from "puppeteer-core";
import {
  clickButton,
  fillByLabels,
  findButton,
  findByLabel,
  IAMOFFICE_URL,
  type Harness,
} from "./harness";

export const MASTER = "correct horse battery staple 42";

export interface Account {
  name: string;
  workspace: string;
  identifier: string;
  password: string;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Polls `probe` until it returns something other than null/false. Polling from Node rather
 * than `waitForFunction`'s requestAnimationFrame: Firefox's popup tab is a background tab,
 * where animation frames do not run.
 */
const errorText = (error: unknown): string =>
  error instanceof Error ? String(error) : JSON.stringify(error);

export async function until<T>(
  probe: () => T | null | false | undefined | Promise<T | null | false | undefined>,
  what: string,
  timeout = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== false && value !== undefined) return value;
    } catch (error) {
      last = error; // e.g. the page is navigating: try again
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what}${last ? ` (${errorText(last)})` : ""}`,
      );
    }
    await sleep(100);
  }
}

/** The page's visible text, whitespace collapsed. */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText.replace(/\s+/g, " ").trim());
}

/**
 * Waits until the page shows `text` (substring or RegExp) and returns the whole text. On
 * timeout the error quotes what the page did show, which usually explains the failure.
 */
export async function waitForText(
  page: Page,
  text: string | RegExp,
  timeout = 10_000,
): Promise<string> {
  let seen = "";
  try {
    return await until(
      async () => {
        seen = await visibleText(page);
        return (typeof text === "string" ? seen.includes(text) : text.test(seen)) ? seen : null;
      },
      `the text ${String(text)}`,
      timeout,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\n  the page shows: ${seen.slice(0, 4000)}`);
  }
}

/** Waits until the page no longer shows `text`. */
export async function waitForNoText(page: Page, text: string | RegExp): Promise<void> {
  await until(
    async () => {
      const all = await visibleText(page);
      return !(typeof text === "string" ? all.includes(text) : text.test(all));
    },
    `the text ${String(text)} to go away`,
  );
}

export function waitForField(
  page: Page,
  label: string | RegExp,
  timeout?: number,
): Promise<ElementHandle<Element>> {
  return until(() => findByLabel(page, label), `a field labelled ${String(label)}`, timeout);
}

export function waitForButton(
  page: Page,
  text: string | RegExp,
  timeout?: number,
): Promise<ElementHandle<Element>> {
  return until(() => findButton(page, text), `a button ${String(text)}`, timeout);
}

/** Whether the element has the keyboard focus. */
export function hasFocus(element: ElementHandle<Element>): Promise<boolean> {
  return element.evaluate((el) => el === el.ownerDocument.activeElement);
}

/**
 * Whether `element` gets the focus within `timeout` ms: a page moves focus in an effect after
 * the render that shows the element, so "it shows" and "it has focus" are two moments.
 */
export async function getsFocus(
  element: ElementHandle<Element>,
  { timeout = 5000 }: { timeout?: number } = {},
): Promise<boolean> {
  const deadline = Date.now() + timeout;
  while (!(await hasFocus(element))) {
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 50));
  }
  return true;
}

/** The accessible name of the focused element (aria-label, label or text), for messages. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "(nothing)";
    const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null;
    return (el.getAttribute("aria-label") ?? label ?? el.textContent ?? el.tagName)
      .replace(/\s+/g, " ")
      .trim();
  });
}

// ---------- the vault ----------

/** First run in the options page: create the vault; returns the page, unlocked. */
export async function createVault(h: Harness, password = MASTER): Promise<Page> {
  const options = await h.openOptions();
  await waitForField(options, "Master password");
  await fillByLabels(options, {
    "Master password": password,
    "Confirm master password": password,
  });
  await clickButton(options, "Create vault");
  await waitForText(options, "Your vault is ready", 20_000);
  return options;
}

/** Set-up shortcut (not under test): saves entries the way the options page does. */
export async function seedEntries(h: Harness, accounts: Account[]): Promise<void> {
  const failures = await h.evalInExtension(async (browser, list: Account[]) => {
    const send = (type: string, payload?: unknown): Promise<unknown> =>
      browser.runtime.sendMessage({ type, payload });
    const out: unknown[] = [];
    for (const input of list) {
      const listed = (await send("entries.list")) as { ok: boolean; value?: { revision: number } };
      const r = (await send("entries.save", { input, revision: listed.value?.revision ?? 0 })) as {
        ok: boolean;
      };
      if (!r.ok) out.push(r);
    }
    return out;
  }, accounts);
  if (failures.length) throw new Error(`seeding failed: ${JSON.stringify(failures)}`);
}

/** Set-up shortcut: the Lock button's message, without opening a page for it. */
export async function lockVault(h: Harness): Promise<void> {
  await h.evalInExtension((browser) => browser.runtime.sendMessage({ type: "vault.lock" }));
}

/** Set-up shortcut: unlocks without going through a UI. */
export async function unlockVault(h: Harness, password = MASTER): Promise<void> {
  const r = (await h.evalInExtension(
    (browser, pw: string) =>
      browser.runtime.sendMessage({ type: "vault.unlock", payload: { password: pw } }),
    password,
  )) as { ok: boolean } | undefined;
  if (!r?.ok) throw new Error(`unlock failed: ${JSON.stringify(r)}`);
}

/** The encrypted vault exactly as stored, to prove that something did NOT change it. */
export async function storedVault(h: Harness): Promise<string> {
  return h.evalInExtension(async (browser) =>
    JSON.stringify((await browser.storage.local.get("vault")).vault ?? null),
  );
}

// ---------- the popup ----------

const openPopups = new WeakMap<Harness, Page>();

/**
 * The popup over `over`, closing the previous one first as the browser does when the user
 * clicks elsewhere. The harness does it in Chromium; in Firefox its stand-in popups are tabs
 * that would otherwise pile up for the whole file.
 */
export async function openPopup(h: Harness, over: Page): Promise<Page> {
  const previous = openPopups.get(h);
  if (previous && !previous.isClosed()) await previous.close();
  const popup = await h.openPopup({ over });
  openPopups.set(h, popup);
  return popup;
}

/** The popup closed under an input event it had received: the login that input started. */
export const poppedClosed = (error: unknown): boolean =>
  /Target closed|Session closed|has been closed/i.test(String(error));

/**
 * Clicks the saved workspace `name` in the popup, to log in with it. The login starts when the
 * button comes back up, and in Chromium the popup may close (a new tab takes the focus, or the
 * popup closes itself once the login is sent) before puppeteer hears back about that mouse-up.
 * A click that finds the popup gone is that success, not an error: what the caller checks next
 * is the login itself.
 */
export async function clickToLogIn(popup: Page, name: RegExp): Promise<void> {
  try {
    await clickButton(popup, name);
  } catch (error) {
    if (!poppedClosed(error)) throw error;
  }
}

/** The popup's saved-workspace buttons, in order, as their visible text. */
export function popupEntries(popup: Page): Promise<string[]> {
  return popup.evaluate(() => {
    const list = document.querySelector('[aria-label="Saved workspaces"]');
    return [...(list?.querySelectorAll("button") ?? [])].map((b) =>
      (b.textContent ?? "").replace(/\s+/g, " ").trim(),
    );
  });
}

/** Waits for the unlocked list and returns its entries. */
export function waitForPopupList(popup: Page, count?: number): Promise<string[]> {
  return until(
    async () => {
      const entries = await popupEntries(popup);
      return entries.length && (count === undefined || entries.length === count) ? entries : null;
    },
    `the popup list${count === undefined ? "" : ` with ${count} entries`}`,
  );
}

/** Types the master password into the popup and clicks Unlock. */
export async function unlockPopup(popup: Page, password = MASTER): Promise<void> {
  await waitForField(popup, "Master password");
  await fillByLabels(popup, { "Master password": password });
  await clickButton(popup, "Unlock");
}

// ---------- the options page ----------

/** The rows of the options page's "Saved workspaces" table, as cell texts. */
export function workspaceRows(options: Page): Promise<string[][]> {
  return options.evaluate(() => {
    const table = [...document.querySelectorAll("table")].find(
      (t) => t.caption?.textContent?.trim() === "Saved workspaces",
    );
    return [...(table?.tBodies[0]?.rows ?? [])]
      .filter((row) => row.cells.length > 1) // not the inline confirmation row
      .map((row) =>
        [...row.cells]
          .slice(0, 4)
          .map((cell) => (cell.textContent ?? "").replace(/\s+/g, " ").trim()),
      );
  });
}

/** Clicks the button `text` inside the group (e.g. a confirmation) named `group`. */
export async function clickButtonIn(page: Page, group: string, text: string): Promise<void> {
  const button = await waitForButtonIn(page, group, text);
  await button.click();
  await button.dispose();
}

/** Waits for the button `text` inside the group (e.g. a confirmation) named `group`. */
export function waitForButtonIn(
  page: Page,
  group: string,
  text: string,
): Promise<ElementHandle<Element>> {
  return until(
    async () =>
      (
        await page.evaluateHandle(
          (name, wanted) => {
            const box = [...document.querySelectorAll("[role=group]")].find(
              (el) => el.getAttribute("aria-label") === name,
            );
            return (
              [...(box?.querySelectorAll("button") ?? [])].find(
                (b) => (b.textContent ?? "").trim() === wanted,
              ) ?? null
            );
          },
          group,
          text,
        )
      ).asElement() as ElementHandle<Element> | null,
    `the button "${text}" in "${group}"`,
  );
}

// ---------- IamOffice tabs ----------

/** `location.href` of a tab (Firefox reports `about:blank` in page.url() for tabs we did not open). */
function hrefOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => "");
}

/** The open tabs showing https://soft.iamoffice.net/. */
export async function iamOfficeTabs(h: Harness): Promise<Page[]> {
  const pages = await h.browser.pages();
  const hrefs = await Promise.all(pages.map(hrefOf));
  return pages.filter((_p, i) => hrefs[i]?.startsWith(IAMOFFICE_URL));
}

/** Waits for an IamOffice tab that was not among `before`. */
export function waitForNewIamOfficeTab(h: Harness, before: Page[]): Promise<Page> {
  return until(async () => {
    const tabs = await iamOfficeTabs(h);
    return tabs.find((p) => !before.includes(p)) ?? null;
  }, "a new IamOffice tab");
}

/** Waits until the demo shows its dashboard for `identifier` (top right). */
export async function waitForLoggedInAs(page: Page, identifier: string): Promise<void> {
  await until(
    () =>
      page.evaluate(
        (id) =>
          document.body.dataset.loggedIn === "1" &&
          (document.querySelector("header")?.textContent ?? "").includes(id),
        identifier,
      ),
    `the demo to show ${identifier} top right`,
    20_000,
  );
}

/** The demo's top bar (user and workspace top right), as the user reads it. */
export function demoTopBar(page: Page): Promise<string> {
  return page.evaluate(() =>
    (document.querySelector("header")?.innerText ?? "").replace(/\s+/g, " ").trim(),
  );
}

// ---------- downloads and files ----------

/** Waits for a finished download in `dir` whose name matches, and returns its path. */
export function waitForDownload(dir: string, name: RegExp, timeout = 15_000): Promise<string> {
  return until(
    () => {
      if (!existsSync(dir)) return null;
      const file = readdirSync(dir).find((f) => name.test(f));
      if (!file) return null;
      const path = join(dir, file);
      try {
        JSON.parse(readFileSync(path, "utf8")); // complete, not a partial write
        return path;
      } catch {
        return null;
      }
    },
    `a download matching ${String(name)} in ${dir}`,
    timeout,
  );
}

/** Chooses `path` in the file input labelled `label`, like the file picker does. */
export async function chooseFile(page: Page, label: string, path: string): Promise<void> {
  const input = await waitForField(page, label);
  await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
  await input.dispose();
}

// ---------- accessibility ----------

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/**
 * Runs axe-core on the page and returns its violations. The source is evaluated through the
 * automation protocol, not a <script>: the extension pages' CSP forbids inline scripts.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: Document, options: object): Promise<{ violations: AxeViolationOnPage[] }>;
        };
      }
    ).axe;
    type AxeViolationOnPage = {
      id: string;
      impact?: string | null;
      help: string;
      helpUrl: string;
      nodes: { target: unknown[]; html: string; failureSummary?: string }[];
    };
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target,
        html: n.html,
        ...(n.failureSummary ? { failureSummary: n.failureSummary } : {}),
      })),
    }));
  });
}

/** Violations as a readable report for an assertion message. */
export function formatViolations(state: string, violations: AxeViolation[]): string {
  if (!violations.length) return `${state}: no violations`;
  const lines = [`${state}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`- [${v.impact ?? "?"}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`    at ${JSON.stringify(node.target)}: ${node.html.slice(0, 160)}`);
      if (node.failureSummary) {
        lines.push(`      ${node.failureSummary.replace(/\s*\n\s*/g, " / ")}`);
      }
    }
    if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more`);
  }
  return lines.join("\n");
}
