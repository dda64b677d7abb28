// Item 3 — page overhead: the mutation-heavy single-page app of scripts/bench/pages/spa.js
// (200 rounds of building and tearing down a 1,000-row table) timed in the page, with the
// extension loaded (A) and in a second profile of the same browser binary without it (B),
// launched side by side and run alternately (A B, B A, …), one fresh page load per run.
// The ratio is median(A) / median(B); per-pair ratios give its min/max. With a deadline it
// stops after fewer pairs (at least 3) so the whole bench stays under its time limit. The same
// function times the control: two browsers without the extension (run.mjs).
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
 * @param {{ pairs: number, rounds: number, rows: number, deadline?: number }} options
 * @returns {Promise<{ withExtension: Summary, withoutExtension: Summary, ratio: number, pairRatios: Summary, injected: boolean }>}
 */
export async function measureOverhead(withExt, without, { pairs, rounds, rows, deadline }) {
  const url = benchUrl("spa.html");
  let injected = true;
  /** @param {BenchBrowser} b */
  const run = async (b) => {
    const page = await b.tab();
    await page.bringToFront();
    await page.goto(url, { waitUntil: "load" });
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
  await run(withExt);
  await run(without);
  const { a, b, ratios } = await alternate(
    pairs,
    () => run(withExt),
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
