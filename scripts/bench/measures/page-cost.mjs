// Item 1b — what the content script costs the page, measured precisely, in the two states a
// user spends the day in: logged in (pages/spa.html) and logged out with the login window
// showing (pages/spa-login.html). Both run the mutation-heavy workload of pages/spa.js.
//
// Two independent measures, in one run of the probe build (src/content/cost-probe.ts; the
// shipped build has no probe):
// - Probe (both browsers): the content script sums the main-thread time of its own entry points
//   (mutation callbacks, frame/timer flushes, listeners) and counts the observer callbacks; the
//   page sums its own synchronous script time. Share = extension / page script time;
//   per batch = extension time / observer callbacks. Firefox runs with full timer precision
//   (privacy.reduceTimerPrecision off); Chromium coarsens an isolated world's clock to 100 µs
//   with jitter, so its probe figure is a cross-check only.
// - CDP sampling profiler (Chromium): every sample whose stack holds a content-script frame is
//   the extension's, every other sample under the page's spa.js is the page's.
import { parseJson } from "../../lib/json.mjs";
import { waitForLoadSettled } from "../../lib/page-helpers.mjs";
import { benchUrl } from "../site.mjs";
import { summarize } from "../stats.mjs";

/**
 * @typedef {import("../session.mjs").BenchBrowser} BenchBrowser
 * @typedef {import("../stats.mjs").Summary} Summary
 * @typedef {import("puppeteer-core").Page} Page
 * @typedef {import("../../lib/page-globals.mjs").ExtensionGlobal} ExtensionGlobal
 * @typedef {import("../../lib/page-globals.mjs").Browser} Browser
 * @typedef {{ ms: number, batches: number, flushes: number, batchMs: number, flushMs: number,
 *   eventMs: number }} ProbeTotals
 * @typedef {typeof window & {
 *   __bench: {
 *     spa: (o: { rounds: number, rows: number }) => Promise<number>,
 *     scriptMs: number,
 *     batches: number,
 *   },
 * }} SpaPage
 *
 * @typedef {object} StateCost
 * @property {string} contentState What the content script reported for the tab.
 * @property {Summary} share Probe: extension time / page script time, per run.
 * @property {Summary} perBatchUs Probe: extension µs per mutation batch of the page (a task that
 *   changed the DOM), per run: what each batch costs the page, whether or not the observer was
 *   called for it.
 * @property {Summary} pageScriptMs
 * @property {number} batches Mutation batches of the page in one run.
 * @property {number} callbacks Observer callbacks in one run (median): fewer than the page's
 *   batches while a busy page is let go of (src/content/watch.ts).
 * @property {{ batchMs: number, flushMs: number, eventMs: number, flushes: number }} split
 *   Probe: the extension's time in one run by entry point (observer callbacks, frame/timer
 *   flushes, event listeners), and the flushes (medians).
 * @property {{ share: Summary, extMs: Summary } | null} cdp Chromium only.
 */

export const PAGE_COST_STATES = /** @type {const} */ ({
  "logged-in": "spa.html",
  "logged-out": "spa-login.html",
});

/**
 * @param {Page} page
 * @returns {Promise<ProbeTotals>}
 */
async function probeTotals(page) {
  const raw = await page.evaluate(() => {
    document.dispatchEvent(new Event("iamoffice-cost-probe"));
    return document.documentElement.dataset.iamofficeCost ?? "";
  });
  if (!raw) throw new Error("no cost probe in this build: run it with dist/probe-<browser>");
  return /** @type {ProbeTotals} */ (parseJson(raw));
}

/**
 * Extension and page time (ms) in a CDP CPU profile: a sample is the extension's when any frame
 * of its stack is in the content script, the page's when one is in spa.js.
 * @param {import("devtools-protocol").Protocol.Profiler.Profile} profile
 * @param {string} contentUrlPart
 */
export function attributeProfile(profile, contentUrlPart) {
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, "ext" | "page" | "other">} */
  const owner = new Map();
  /** @param {number} id @returns {"ext" | "page" | "other"} */
  const ownerOf = (id) => {
    const known = owner.get(id);
    if (known) return known;
    let found = /** @type {"ext" | "page" | "other"} */ ("other");
    for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)?.callFrame.url ?? "";
      if (url.includes(contentUrlPart)) {
        found = "ext";
        break;
      }
      if (url.endsWith("/bench/spa.js")) found = "page";
    }
    owner.set(id, found);
    return found;
  };
  let ext = 0;
  let page = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // A sample stands for the time until the next one.
    const us = deltas[i + 1] ?? 0;
    const who = ownerOf(/** @type {number} */ (samples[i]));
    if (who === "ext") ext += us;
    else if (who === "page") page += us;
  }
  return { extMs: ext / 1000, pageMs: page / 1000 };
}

/**
 * @param {BenchBrowser} b A browser running the probe build.
 * @param {{ runs: number, rounds: number, rows: number }} options
 * @returns {Promise<Record<keyof typeof PAGE_COST_STATES, StateCost>>}
 */
export async function measurePageCost(b, { runs, rounds, rows }) {
  /** @type {Partial<Record<keyof typeof PAGE_COST_STATES, StateCost>>} */
  const out = {};
  for (const [state, file] of /** @type {[keyof typeof PAGE_COST_STATES, string][]} */ (
    Object.entries(PAGE_COST_STATES)
  )) {
    /** @type {number[]} */
    const share = [];
    /** @type {number[]} */
    const perBatch = [];
    /** @type {number[]} */
    const script = [];
    /** @type {number[]} */
    const batches = [];
    /** @type {number[]} */
    const callbacks = [];
    /** @type {Record<"batchMs" | "flushMs" | "eventMs" | "flushes", number[]>} */
    const split = { batchMs: [], flushMs: [], eventMs: [], flushes: [] };
    /** @type {number[]} */
    const cdpShare = [];
    /** @type {number[]} */
    const cdpExt = [];
    let contentState = "";
    for (let run = 0; run <= runs; run++) {
      const page = await b.tab();
      await page.bringToFront();
      await page.goto(benchUrl(file), { waitUntil: "load" });
      await waitForLoadSettled(page, 300);
      contentState = await settledState(
        b,
        page.url(),
        state === "logged-in" ? "logged-in" : "login",
      );
      const before = await probeTotals(page);
      const cdp = b.name === "chromium" ? await page.createCDPSession() : null;
      if (cdp) {
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
        await cdp.send("Profiler.start");
      }
      await page.evaluate((o) => /** @type {SpaPage} */ (window).__bench.spa(o), { rounds, rows });
      const profile = cdp ? (await cdp.send("Profiler.stop")).profile : null;
      await cdp?.detach();
      const after = await probeTotals(page);
      const { scriptMs: pageMs, batches: pageBatches } = await page.evaluate(() => {
        const { scriptMs, batches } = /** @type {SpaPage} */ (window).__bench;
        return { scriptMs, batches };
      });
      if (run === 0) continue; // warm-up: first load and JIT
      const extMs = after.ms - before.ms;
      const n = after.batches - before.batches;
      share.push(extMs / pageMs);
      perBatch.push((1000 * extMs) / pageBatches);
      script.push(pageMs);
      batches.push(pageBatches);
      callbacks.push(n);
      for (const k of /** @type {const} */ (["batchMs", "flushMs", "eventMs", "flushes"])) {
        split[k].push(after[k] - before[k]);
      }
      if (profile) {
        const a = attributeProfile(profile, "/src/content/");
        cdpShare.push(a.extMs / a.pageMs);
        cdpExt.push(a.extMs);
      }
    }
    out[state] = {
      contentState,
      share: summarize(share),
      perBatchUs: summarize(perBatch),
      pageScriptMs: summarize(script),
      batches: summarize(batches).median,
      callbacks: summarize(callbacks).median,
      split: {
        batchMs: summarize(split.batchMs).median,
        flushMs: summarize(split.flushMs).median,
        eventMs: summarize(split.eventMs).median,
        flushes: summarize(split.flushes).median,
      },
      cdp: cdpShare.length ? { share: summarize(cdpShare), extMs: summarize(cdpExt) } : null,
    };
  }
  return /** @type {Record<keyof typeof PAGE_COST_STATES, StateCost>} */ (out);
}

/**
 * Waits (5 s at most) until the content script reported `want` for the tab showing `url`;
 * returns what it reported last, so a wrong state shows in the note instead of hiding.
 * @param {BenchBrowser} b
 * @param {string} url
 * @param {string} want
 */
async function settledState(b, url, want) {
  const deadline = Date.now() + 5000;
  let got = await tabState(b, url);
  while (got !== want && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    got = await tabState(b, url);
  }
  return got;
}

/**
 * The page state our content script reported for the tab showing `url` (storage.session, read
 * from an extension page): proves which state was measured.
 * @param {BenchBrowser} b
 * @param {string} url
 */
async function tabState(b, url) {
  const scratch = await b.scratch();
  return scratch.evaluate(async (want) => {
    const g = /** @type {ExtensionGlobal} */ (globalThis);
    const api = /** @type {Browser} */ (g.browser ?? g.chrome);
    const tabs = (await api.tabs.query({})).filter((t) => t.url === want);
    const info = /** @type {Record<string, { state?: string }>} */ (
      (await api.storage.session.get("tabs")).tabs ?? {}
    );
    return String(info[String(tabs[0]?.id)]?.state ?? "none");
  }, url);
}
