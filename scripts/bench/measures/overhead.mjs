// Item 3 — page overhead: the mutation-heavy single-page app of scripts/bench/pages/spa.js
// (200 rounds of building and tearing down a 1,000-row table) timed in the page, with the
// extension loaded (A) and in a second profile of the same browser binary without it (B),
// launched side by side and run alternately (A B, B A, …), one fresh page load per run.
// The ratio is median(A) / median(B); per-pair ratios give its min/max. With a deadline it
// stops after fewer pairs (at least 3) so the whole bench stays under its time limit. The same
// function times the control (two browsers without the extension) and the observer floor (one
// browser without it, the page watching itself as the content script does, against itself
// without): run.mjs.
import { waitForLoadSettled } from "../../lib/page-helpers.mjs";
import { benchUrl } from "../site.mjs";
import { alternate, summarize } from "../stats.mjs";

/**
 * @typedef {import("../session.mjs").BenchBrowser} BenchBrowser
 * @typedef {import("../stats.mjs").Summary} Summary
 *
 * The page's hook (scripts/bench/pages/spa.js): resolves with the wall time in ms.
 * @typedef {typeof window & {
 *   __bench: { spa: (options: { rounds?: number, rows?: number }) => Promise<number> },
 * }} SpaPage
 */

/**
 * @param {BenchBrowser} withExt
 * @param {BenchBrowser} without
 * @param {{ pairs: number, rounds: number, rows: number, deadline?: number, query?: string }} options
 *   `query`: added to A's page address only (spa.js reads it).
 * @returns {Promise<{ withExtension: Summary, withoutExtension: Summary, ratio: number, pairRatios: Summary, injected: boolean }>}
 */
export async function measureOverhead(withExt, without, options) {
  const { pairs, rounds, rows, deadline, query = "" } = options;
  const url = benchUrl("spa.html");
  let injected = true;
  /** @param {BenchBrowser} b @param {string} [search] */
  const run = async (b, search = "") => {
    const page = await b.tab();
    await page.bringToFront();
    await page.goto(url + search, { waitUntil: "load" });
    await waitForLoadSettled(page, 300);
    const marker = await page.evaluate(() => document.documentElement.dataset.iamofficeLogin);
    if (b.withExtension && marker !== "ready") injected = false;
    if (!b.withExtension && marker) throw new Error("content script in the profile without it");
    return await page.evaluate((o) => /** @type {SpaPage} */ (window).__bench.spa(o), {
      rounds,
      rows,
    });
  };
  // One unmeasured run each: first page load and JIT of the profile.
  await run(withExt, query);
  await run(without);
  const { a, b, ratios } = await alternate(
    pairs,
    () => run(withExt, query),
    () => run(without),
    deadline === undefined ? {} : { deadline },
  );
  const A = summarize(a);
  const B = summarize(b);
  return {
    withExtension: A,
    withoutExtension: B,
    ratio: A.median / B.median,
    pairRatios: summarize(ratios),
    injected,
  };
}
