// Item 5 — one-click login: the click on a workspace in the popup → the demo page's submit
// handler receives the values, with the IamOffice tab already open on its login window.
// Start: a capture `click` listener in the popup notes the epoch time (performance.timeOrigin +
// now()) in the extension origin's localStorage — the popup closes itself on success, so the
// value is read back from another extension page. End: a setter on `window.__submitted`,
// which the demo assigns first thing in its submit handler (scripts/demo/public/app.js),
// notes the epoch time in the page. Both clocks belong to the same browser.
// Chromium: the real popup (action.openPopup). Firefox: the popup page in a tab with the
// IamOffice tab brought back to the front (the panel is out of WebDriver's reach); the click
// and the whole message path are the same.
import { findButton } from "../../lib/page-helpers.mjs";
import { IAMOFFICE_URL } from "../../lib/hosts.mjs";
import { summarize } from "../stats.mjs";

/**
 * @typedef {import("../session.mjs").BenchBrowser} BenchBrowser
 * @typedef {import("../stats.mjs").Summary} Summary
 *
 * The demo page, with SUBMIT_PROBE's record of submit times.
 * @typedef {import("../../lib/page-globals.mjs").DemoGlobal & { __benchSubmits: number[] }} DemoPage
 */

const CLICK_KEY = "bench.oneClick.clickedAt";

// Runs in the demo page before its scripts: the submit handler's first statement assigns
// window.__submitted; note when.
const SUBMIT_PROBE = () => {
  /** @type {number[]} */
  const times = [];
  let value = /** @type {unknown} */ (null);
  Object.defineProperty(window, "__submitted", {
    configurable: true,
    get: () => value,
    set: (v) => {
      if (v) times.push(performance.timeOrigin + performance.now());
      value = v;
    },
  });
  /** @type {DemoPage} */ (window).__benchSubmits = times;
};

/**
 * @param {BenchBrowser} b Extension loaded, vault unlocked, an entry named `entryName`.
 * @param {{ samples: number, entryName: string }} options
 * @returns {Promise<{ clickToSubmit: Summary, errors: string[] }>}
 */
export async function measureOneClick(b, { samples, entryName }) {
  const demo = await b.tab();
  await demo.evaluateOnNewDocument(SUBMIT_PROBE);
  await demo.goto(`${IAMOFFICE_URL}?delay=0`, { waitUntil: "load" });
  const scratch = await b.scratch();
  /** @type {number[]} */
  const times = [];
  /** @type {string[]} */
  const errors = [];
  for (let i = 0; i <= samples; i++) {
    // Back to a fresh login window, and let the content script settle on it (it may autofill).
    await demo.evaluate(() => /** @type {DemoPage} */ (window).__demo.logout("user"));
    await new Promise((done) => setTimeout(done, 300));
    const before = await demo.evaluate(
      () => /** @type {DemoPage} */ (window).__benchSubmits.length,
    );
    await scratch.evaluate((key) => localStorage.removeItem(key), CLICK_KEY);
    const popup = await b.popup(demo);
    try {
      const entry = await waitForButton(popup, entryName);
      await popup.evaluate((key) => {
        addEventListener(
          "click",
          () => localStorage.setItem(key, String(performance.timeOrigin + performance.now())),
          { capture: true, once: true },
        );
      }, CLICK_KEY);
      await entry.click();
      await demo.waitForFunction(
        (n) => /** @type {DemoPage} */ (window).__benchSubmits.length > n,
        { timeout: 10_000, polling: 20 },
        before,
      );
      const submittedAt = await demo.evaluate(
        () => /** @type {DemoPage} */ (window).__benchSubmits.at(-1) ?? NaN,
      );
      const clickedAt = Number(
        await scratch.evaluate((key) => localStorage.getItem(key), CLICK_KEY),
      );
      if (!clickedAt) throw new Error("the popup did not record the click");
      if (i > 0) times.push(submittedAt - clickedAt); // the first one warms up
      await demo.waitForFunction(() => document.body.dataset.loggedIn === "1", {
        timeout: 5000,
      });
    } catch (error) {
      errors.push(String(error).split("\n")[0] ?? "");
    } finally {
      if (!popup.isClosed()) await popup.close().catch(() => undefined);
    }
  }
  return { clickToSubmit: summarize(times), errors };
}

/**
 * @param {import("puppeteer-core").Page} popup
 * @param {string} name
 */
async function waitForButton(popup, name) {
  const re = new RegExp(`^${name}\\b`);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const button = await findButton(popup, re);
    if (button) return button;
    await new Promise((done) => setTimeout(done, 30));
  }
  throw new Error(`no "${name}" button in the popup`);
}
