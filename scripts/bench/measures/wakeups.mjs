// Item 7 — worker wake-ups: messages from the content script to the background per minute of
// continuous typing and clicking in the logged-in demo (real input events: CDP / WebDriver
// BiDi input, so `isTrusted` is true as for a user).
//
// How they are counted without touching product code: `runtime.sendMessage` from a content
// script is delivered to every extension frame listening to `runtime.onMessage`, not only the
// background. A listener in an idle extension page (the built manifest.json opened as a page,
// which runs no extension code) records each message from the IamOffice tab and never answers,
// so the background still gets and answers every one. This works alike in Chromium and Firefox
// and survives the service worker being stopped — which a listener added inside the worker
// would not. Chromium also counts service-worker starts (CDP target creation) over the window:
// the wake-ups proper, as opposed to messages reaching a worker that was still running.
import { TargetType } from "puppeteer-core";
import { findByLabel, findButton } from "../../lib/page-helpers.mjs";
import { IAMOFFICE_URL } from "../../lib/hosts.mjs";

/**
 * @typedef {import("../session.mjs").BenchBrowser} BenchBrowser
 * @typedef {{ type: string, at: number }} Seen
 * @typedef {import("../../lib/page-globals.mjs").Browser} Browser
 * @typedef {import("webextension-polyfill").Runtime.MessageSender} Sender
 *
 * The scratch extension page, with the counting listener's state.
 * @typedef {import("../../lib/page-globals.mjs").ExtensionGlobal & {
 *   __benchSeen: Seen[],
 *   __benchCounting: boolean,
 * }} CountingPage
 */

/**
 * Gets the demo to its dashboard, logged in through the page-load autofill and an untrusted
 * form.requestSubmit() (so no "manual login" message either).
 * @param {import("puppeteer-core").Page} page
 */
async function loggedInDemo(page) {
  await page.goto(`${IAMOFFICE_URL}?delay=0`, { waitUntil: "load" });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("#app input")].filter(
        (i) => i instanceof HTMLInputElement && i.value !== "",
      ).length === 3,
    { timeout: 10_000 },
  );
  await page.evaluate(() =>
    /** @type {HTMLFormElement | null} */ (document.querySelector("#app form"))?.requestSubmit(),
  );
  await page.waitForFunction(() => document.body.dataset.loggedIn === "1", { timeout: 5000 });
  await new Promise((done) => setTimeout(done, 1500)); // the content script reports "logged-in"
}

/**
 * @param {BenchBrowser} b Extension loaded, vault unlocked, autofill able to pick an entry.
 * @param {{ seconds: number }} options
 * @returns {Promise<{ seconds: number, messages: number, perMinute: number, byType: Record<string, number>, workerStarts: number | null, keys: number, clicks: number }>}
 */
export async function measureWakeups(b, { seconds }) {
  const page = await b.tab();
  await page.bringToFront(); // trusted input and animation frames need the front tab
  await loggedInDemo(page);
  const scratch = await b.scratch();
  await scratch.evaluate(() => {
    const g = /** @type {CountingPage} */ (globalThis);
    const api = /** @type {Browser} */ (g.browser ?? g.chrome);
    /** @type {Seen[]} */
    const seen = (g.__benchSeen = []);
    g.__benchCounting = false;
    api.runtime.onMessage.addListener(
      (/** @type {unknown} */ message, /** @type {Sender} */ sender) => {
        if (g.__benchCounting && sender.tab && sender.frameId === 0) {
          const type = /** @type {{ type?: string } | null | undefined} */ (message)?.type;
          seen.push({ type: String(type), at: Date.now() });
        }
        return undefined; // never answers: the background's answer is the one the sender gets
      },
    );
  });

  let workerStarts = /** @type {number | null} */ (null);
  /** @param {import("puppeteer-core").Target} t */
  const onTarget = (t) => {
    if (t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(`${b.eb.extensionOrigin}/`)) {
      workerStarts = (workerStarts ?? 0) + 1;
    }
  };
  if (b.name === "chromium") {
    workerStarts = 0;
    b.eb.browser.on("targetcreated", onTarget);
  }

  const notes = await findByLabel(page, "Notes");
  const targets = [await findButton(page, "Tableau de bord"), notes].filter((x) => x !== null);
  const heading = await page.$("h1");
  let keys = 0;
  let clicks = 0;
  const start = /** @type {number} */ (
    await scratch.evaluate(() => {
      const g = /** @type {CountingPage} */ (globalThis);
      g.__benchCounting = true;
      return Date.now();
    })
  );
  const end = start + seconds * 1000;
  try {
    // A typist's rhythm: ~6 keys a second into the Notes field, a click every ~2 s (on the
    // heading, then back into the field).
    while (Date.now() < end) {
      if (keys % 12 === 0) {
        const target = clicks % 2 === 0 ? heading : notes;
        await target?.click();
        if (clicks % 2 === 0) await notes?.click();
        clicks++;
      }
      await page.keyboard.type(keys % 40 === 39 ? " " : "a");
      keys++;
      await new Promise((done) => setTimeout(done, 150));
    }
  } finally {
    await scratch.evaluate(() => {
      /** @type {CountingPage} */ (globalThis).__benchCounting = false;
    });
    b.eb.browser.off("targetcreated", onTarget);
    for (const t of targets) await t.dispose();
    await heading?.dispose();
  }
  // Exactly the window: a message sent after it (the loop's last step may overrun) is left out.
  const seen = (
    await scratch.evaluate(() => /** @type {CountingPage} */ (globalThis).__benchSeen)
  ).filter((s) => s.at < end);
  /** @type {Record<string, number>} */
  const byType = {};
  for (const s of seen) byType[s.type] = (byType[s.type] ?? 0) + 1;
  return {
    seconds,
    messages: seen.length,
    perMinute: (seen.length * 60) / seconds,
    byType,
    workerStarts,
    keys,
    clicks,
  };
}
