// Item 2 — fill latency: login window inserted into the DOM → the three values set and their
// `input` events dispatched, measured in the page (scripts/bench/pages/fill-probe.js) on the
// demo login window, alone and with 5,000 other elements in the page. Light and heavy
// alternate in the same tab; each sample is a real logout → login-window transition, so the
// content script goes through its whole path: MutationObserver → next animation frame →
// detection → `content.pageState` → `content.requestFill` (background decrypts the vault
// entry) → fill.
import { benchUrl } from "../site.mjs";
import { summarize } from "../stats.mjs";

/**
 * @typedef {import("../session.mjs").BenchBrowser} BenchBrowser
 * @typedef {import("../stats.mjs").Summary} Summary
 *
 * The page's hooks (scripts/bench/pages/fill-probe.js).
 * @typedef {typeof window & { __bench: {
 *   setHeavy: (n: number) => number,
 *   fillOnce: (options: { timeoutMs?: number }) => Promise<FillSample>,
 * } }} FillPage
 * @typedef {{ ms?: number, first?: number, error?: string }} FillSample
 */

export const HEAVY_ELEMENTS = 5000;

/**
 * @param {BenchBrowser} b A browser with the extension, vault unlocked, one entry, autofill on.
 * @param {{ samples: number }} options Samples per variant.
 * @returns {Promise<{ light: Summary, heavy: Summary, lightFirst: Summary, heavyFirst: Summary, heavyElements: number, errors: string[] }>}
 */
export async function measureFill(b, { samples }) {
  const page = await b.tab();
  await page.bringToFront(); // a background tab runs no animation frames
  await page.goto(`${benchUrl("fill.html")}?delay=0`, { waitUntil: "load" });
  // The page-load autofill must have happened: the first sample logs in with those values.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("#app input")].filter(
        (i) => i instanceof HTMLInputElement && i.value !== "",
      ).length === 3,
    { timeout: 10_000 },
  );
  /** @type {number[]} */
  const light = [];
  /** @type {number[]} */
  const heavy = [];
  /** @type {number[]} */
  const lightFirst = [];
  /** @type {number[]} */
  const heavyFirst = [];
  /** @type {string[]} */
  const errors = [];
  let heavyElements = 0;
  // One unmeasured round first (JIT, caches), then L H H L L H… so neither always goes first.
  const order = [
    "warm",
    ...Array.from({ length: samples * 2 }, (_, i) => (i % 4 === 0 || i % 4 === 3 ? "L" : "H")),
  ];
  for (const kind of order) {
    const n = kind === "H" ? HEAVY_ELEMENTS : 0;
    const made = await page.evaluate(
      (count) => /** @type {FillPage} */ (window).__bench.setHeavy(count),
      n,
    );
    if (kind === "H") heavyElements = made;
    const r = await page.evaluate(() =>
      /** @type {FillPage} */ (window).__bench.fillOnce({ timeoutMs: 3000 }),
    );
    if (r.error || r.ms === undefined) {
      errors.push(`${kind}: ${r.error}`);
      continue;
    }
    if (kind === "L") {
      light.push(r.ms);
      lightFirst.push(r.first ?? NaN);
    }
    if (kind === "H") {
      heavy.push(r.ms);
      heavyFirst.push(r.first ?? NaN);
    }
  }
  await page.evaluate(() => /** @type {FillPage} */ (window).__bench.setHeavy(0));
  return {
    light: summarize(light),
    heavy: summarize(heavy),
    lightFirst: summarize(lightFirst),
    heavyFirst: summarize(heavyFirst),
    heavyElements,
    errors,
  };
}
