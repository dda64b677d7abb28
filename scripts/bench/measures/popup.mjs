// Item 4 — popup opened → list of 50 entries painted (vault unlocked), in Chromium's real popup
// over an IamOffice tab. Two parts, each measured exactly, summed per sample:
//  - open: `chrome.action.openPopup()` called in the service worker (what a click on the toolbar
//    button does) → the popup document's start (its performance.timeOrigin, read afterwards);
//    both are epoch times of the same browser.
//  - render: popup document start → the first task after the animation frame in which the 50th
//    entry button was in the DOM (scripts/bench/popup-probe.mjs). The probe must run before the
//    popup's own scripts, so it is registered with puppeteer's evaluateOnNewDocument on the
//    open popup and the popup is reloaded in place (same window, same active tab). The reload
//    finds warm caches, as any popup opened a second time does.
//  - floor (not summed): the same span for a static copy of the painted popup, no script at all
//    (scripts/bench/popup-floor.mjs), in the same popup window, alternating with the real one:
//    what this machine needs to show that list whatever the code does.
// Firefox: its popup panel is out of WebDriver's reach, so measurePopupInTab times the popup
// page in a tab (the same document start → painted span; reported, not the panel).
import { serviceWorker, wakeServiceWorker, extensionUrl } from "../../lib/extension-pages.mjs";
import { IAMOFFICE_URL } from "../../lib/hosts.mjs";
import { FLOOR_PATH, writeFloorCopy } from "../popup-floor.mjs";
import { popupProbeSource } from "../popup-probe.mjs";
import { summarize } from "../stats.mjs";

/**
 * @typedef {import("../session.mjs").BenchBrowser} BenchBrowser
 * @typedef {import("../stats.mjs").Summary} Summary
 * @typedef {import("../popup-probe.mjs").PopupRecord} PopupRecord
 * @typedef {import("puppeteer-core").Page} Page
 * @typedef {import("../../lib/page-globals.mjs").ExtensionGlobal} ExtensionGlobal
 * @typedef {import("../../lib/page-globals.mjs").ChromiumGlobal} ChromiumGlobal
 * @typedef {import("../../lib/page-globals.mjs").Browser} Browser
 * @typedef {typeof window & { __benchPopup?: PopupRecord }} ProbedPopup
 */

/**
 * Opens the real popup over `over`; returns its page and the epoch time of the openPopup call.
 * @param {BenchBrowser} b
 * @param {Page} over
 * @returns {Promise<{ page: Page, openedAt: number }>}
 */
export async function openRealPopup(b, over) {
  await over.bringToFront();
  await wakeServiceWorker(b.eb, await b.scratch());
  const worker = await serviceWorker(b.eb);
  const url = extensionUrl(b.eb, b.paths.popup);
  const before = new Set(b.eb.browser.targets());
  const appeared = b.eb.browser.waitForTarget((t) => !before.has(t) && t.url() === url, {
    timeout: 10_000,
  });
  const openedAt = /** @type {number} */ (
    await worker.evaluate(() => {
      const t = performance.timeOrigin + performance.now();
      void (/** @type {ChromiumGlobal} */ (globalThis).chrome.action.openPopup());
      return t;
    })
  );
  const page = await (await appeared).asPage();
  return { page, openedAt };
}

/**
 * @param {BenchBrowser} b Chromium with the extension, vault unlocked, `entries` entries saved.
 * @param {{ samples: number, entries: number, namePrefix: string }} options
 * @returns {Promise<{ messages: { popupOpen: Summary }, total: Summary, open: Summary, render: Summary, floor: Summary, domContentLoaded: Summary, listInDom: Summary, errors: string[] }>}
 */
export async function measurePopup(b, { samples, entries, namePrefix }) {
  const over = await b.tab();
  await over.goto(IAMOFFICE_URL, { waitUntil: "load" });
  const probe = popupProbeSource(b.paths.popup, entries, namePrefix);
  /** @type {number[]} */
  const totals = [];
  /** @type {number[]} */
  const opens = [];
  /** @type {number[]} */
  const renders = [];
  /** @type {number[]} */
  const loaded = [];
  /** @type {number[]} */
  const listed = [];
  /** @type {string[]} */
  const errors = [];
  /** @type {number[]} */
  const floor = [];
  const floorProbe = popupProbeSource(FLOOR_PATH, entries, namePrefix);
  for (let i = 0; i <= samples; i++) {
    // Alternating: real popup, floor copy; floor copy, real popup; … (after the warm-up).
    for (const kind of i % 2 === 0 ? ["real", "floor"] : ["floor", "real"]) {
      if (i === 0 && kind === "floor") continue;
      const { page, openedAt } = await openRealPopup(b, over);
      try {
        const origin = await page.evaluate(() => performance.timeOrigin);
        await page.evaluateOnNewDocument(kind === "real" ? probe : floorProbe);
        if (kind === "real") await page.reload({ waitUntil: "load" });
        else await page.goto(extensionUrl(b.eb, FLOOR_PATH), { waitUntil: "load" });
        await page.waitForFunction(
          () => /** @type {ProbedPopup} */ (window).__benchPopup?.paintedAt != null,
          { timeout: 10_000, polling: 50 },
        );
        const rec = /** @type {PopupRecord} */ (
          await page.evaluate(() => /** @type {ProbedPopup} */ (window).__benchPopup)
        );
        const render = /** @type {number} */ (rec.paintedAt);
        if (kind === "floor") {
          floor.push(render);
          continue;
        }
        // The warm-up (the first popup of the profile) gives the floor its copy.
        if (i === 0) {
          await writeFloorCopy(b, page);
          continue;
        }
        const open = origin - openedAt;
        opens.push(open);
        renders.push(render);
        loaded.push(rec.domContentLoaded ?? NaN);
        listed.push(rec.listAt ?? NaN);
        totals.push(open + render);
      } catch (error) {
        const rec = await page
          .evaluate(() => /** @type {ProbedPopup} */ (window).__benchPopup ?? null)
          .catch(() => null);
        errors.push(`${kind}: ${String(error).split("\n")[0]} — probe ${JSON.stringify(rec)}`);
      } finally {
        await page.close().catch(() => undefined);
      }
    }
  }
  // For the reading of the figure: the one message the popup waits for (popup/connector.ts),
  // timed from an extension page.
  /** @type {Record<string, number[]>} */
  const rtt = { "popup.open": [] };
  for (let i = 0; i < samples; i++) {
    for (const type of Object.keys(rtt)) {
      rtt[type]?.push(await timedMessage(b, type));
    }
  }
  return {
    messages: { popupOpen: summarize(rtt["popup.open"] ?? []) },
    total: summarize(totals),
    open: summarize(opens),
    render: summarize(renders),
    floor: summarize(floor),
    domContentLoaded: summarize(loaded),
    listInDom: summarize(listed),
    errors,
  };
}

/**
 * Firefox: the popup page in a tab (its panel is out of WebDriver's reach), over nothing: the
 * same document, scripts, message and rendering, timed the same way (document start → the 50
 * entries painted), without the panel's own opening. Reported, for comparison with Chromium.
 * Firefox runs no preload script in extension pages, so the probe is installed right after the
 * load event: when the list is already drawn by then, the time noted is when the probe saw it,
 * an upper bound.
 * @param {BenchBrowser} b
 * @param {{ samples: number, entries: number, namePrefix: string }} options
 * @returns {Promise<{ render: Summary, floor: Summary, domContentLoaded: Summary, listInDom: Summary, errors: string[] }>}
 */
export async function measurePopupInTab(b, { samples, entries, namePrefix }) {
  const page = await b.eb.browser.newPage();
  const probes = {
    real: popupProbeSource(b.paths.popup, entries, namePrefix),
    floor: popupProbeSource(FLOOR_PATH, entries, namePrefix),
  };
  /** @type {number[]} */
  const renders = [];
  /** @type {number[]} */
  const floor = [];
  /** @type {number[]} */
  const loaded = [];
  /** @type {number[]} */
  const listed = [];
  /** @type {string[]} */
  const errors = [];
  try {
    for (let i = 0; i <= samples; i++) {
      // Alternating with the floor copy (scripts/bench/popup-floor.mjs), after the warm-up.
      /** @type {("real" | "floor")[]} */
      const order = i % 2 === 0 ? ["real", "floor"] : ["floor", "real"];
      for (const kind of order) {
        if (i === 0 && kind === "floor") continue;
        try {
          const path = kind === "real" ? b.paths.popup : FLOOR_PATH;
          await b.eb.gotoExtensionUrl(page, extensionUrl(b.eb, path));
          await page.evaluate(probes[kind]);
          await page.waitForFunction(
            () => /** @type {ProbedPopup} */ (window).__benchPopup?.paintedAt != null,
            { timeout: 10_000, polling: 50 },
          );
          const rec = /** @type {PopupRecord} */ (
            await page.evaluate(() => /** @type {ProbedPopup} */ (window).__benchPopup)
          );
          if (kind === "floor") {
            floor.push(/** @type {number} */ (rec.paintedAt));
          } else if (i === 0) {
            await writeFloorCopy(b, page); // warm-up
          } else {
            renders.push(/** @type {number} */ (rec.paintedAt));
            loaded.push(rec.domContentLoaded ?? NaN);
            listed.push(rec.listAt ?? NaN);
          }
        } catch (error) {
          errors.push(`${kind}: ${String(error).split("\n")[0] ?? ""}`);
        }
      }
    }
  } finally {
    await page.close().catch(() => undefined);
  }
  return {
    render: summarize(renders),
    floor: summarize(floor),
    domContentLoaded: summarize(loaded),
    listInDom: summarize(listed),
    errors,
  };
}

/**
 * One message round trip from the scratch extension page, in ms.
 * @param {BenchBrowser} b
 * @param {string} type
 * @returns {Promise<number>}
 */
async function timedMessage(b, type) {
  return (await b.scratch()).evaluate(async (t) => {
    const g = /** @type {ExtensionGlobal} */ (globalThis);
    const api = /** @type {Browser} */ (g.browser ?? g.chrome);
    const t0 = performance.now();
    await api.runtime.sendMessage({ type: t });
    return performance.now() - t0;
  }, type);
}
