// The bench's running order: one local web, then per browser the measures that need the
// extension (one profile, one vault), the page-overhead pair (a second profile without the
// extension), and finally the wake-up minute in both browsers at once (a count, not a timing).
// Every phase is timed; a failing phase becomes an ERROR row instead of ending the run.
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BUDGETS } from "./budgets.mjs";
import { binaryVersion, machineInfo } from "./machine.mjs";
import { contentScriptBytes, countInjectedFrames, pageBytes } from "./measures/bytes.mjs";
import { measureFill } from "./measures/fill.mjs";
import { measureEmptyRoundTrip } from "./measures/messaging.mjs";
import { measureOneClick } from "./measures/one-click.mjs";
import { measureOverhead } from "./measures/overhead.mjs";
import { measurePageCost } from "./measures/page-cost.mjs";
import { measurePopup, measurePopupInTab } from "./measures/popup.mjs";
import { measureUnlock } from "./measures/unlock.mjs";
import { measureWakeups } from "./measures/wakeups.mjs";
import { buildRows } from "./rows.mjs";
import { openBenchBrowser } from "./session.mjs";
import { startBenchWeb } from "./site.mjs";
import { benchEntries, createVaultWithOneEntry, FIRST_ENTRY, saveEntries } from "./vault.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * @typedef {import("./session.mjs").BenchBrowser} BenchBrowser
 * @typedef {import("../lib/browsers.mjs").BrowserName} BrowserName
 *
 * @typedef {object} BenchConfig
 * @property {BrowserName[]} browsers
 * @property {number} fillSamples Per variant (demo, heavy).
 * @property {number} popupSamples
 * @property {number} popupEntries
 * @property {number} oneClickSamples
 * @property {number} unlockSamples
 * @property {Record<BrowserName, number>} overheadPairs
 * @property {{ rounds: number, rows: number }} spa
 * @property {{ runs: number, rounds: number, rows: number }} pageCost Per state.
 * @property {number} wakeSeconds
 * @property {number} limitSeconds The whole run must end within this.
 */

/**
 * @template T
 * @typedef {Partial<Record<BrowserName, T>>} ByBrowser
 */

/**
 * What each measure returned, per browser (results.json's `measures`, turned into rows by
 * rows.mjs).
 * @typedef {object} Measures
 * @property {{
 *   files: ByBrowser<ReturnType<typeof contentScriptBytes>>,
 *   pages: ByBrowser<ReturnType<typeof pageBytes>>,
 *   frames: ByBrowser<Awaited<ReturnType<typeof countInjectedFrames>>>,
 * }} bytes
 * @property {ByBrowser<Awaited<ReturnType<typeof measureFill>>>} fill
 * @property {ByBrowser<Awaited<ReturnType<typeof measureEmptyRoundTrip>>>} emptyRoundTrip
 * @property {ByBrowser<Awaited<ReturnType<typeof measureOverhead>>>} overhead
 * @property {ByBrowser<Awaited<ReturnType<typeof measureOverhead>>>} overheadControl
 * @property {ByBrowser<Awaited<ReturnType<typeof measureOverhead>>>} observerFloor
 * @property {ByBrowser<Awaited<ReturnType<typeof measurePageCost>>>} pageCost
 * @property {ByBrowser<Awaited<ReturnType<typeof measurePopup>>>} popup
 * @property {ByBrowser<Awaited<ReturnType<typeof measurePopupInTab>>>} popupInTab
 * @property {ByBrowser<Awaited<ReturnType<typeof measureOneClick>>>} oneClick
 * @property {ByBrowser<Awaited<ReturnType<typeof measureUnlock>>>} unlock
 * @property {ByBrowser<Awaited<ReturnType<typeof measureWakeups>>>} wakeups
 */

/**
 * A bench run: what bench/results.json holds.
 * @typedef {Awaited<ReturnType<typeof runBench>>} BenchResults
 */

/**
 * @param {NodeJS.ProcessEnv} env BENCH_BROWSERS=chromium,firefox; BENCH_QUICK=1 (few samples,
 *   to try the bench out — its figures are not for the README); BENCH_WAKE_SECONDS.
 * @returns {BenchConfig}
 */
export function configFromEnv(env) {
  const quick = env.BENCH_QUICK === "1";
  const browsers = /** @type {BrowserName[]} */ (
    (env.BENCH_BROWSERS ?? "chromium,firefox")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s === "chromium" || s === "firefox")
  );
  return {
    browsers,
    fillSamples: quick ? 3 : 15,
    popupSamples: quick ? 3 : 15,
    popupEntries: 50,
    oneClickSamples: quick ? 3 : 11,
    unlockSamples: quick ? 2 : 7,
    overheadPairs: quick ? { chromium: 1, firefox: 1 } : { chromium: 15, firefox: 15 },
    spa: quick ? { rounds: 40, rows: 1000 } : { rounds: 200, rows: 1000 },
    pageCost: quick ? { runs: 1, rounds: 40, rows: 1000 } : { runs: 5, rounds: 100, rows: 1000 },
    wakeSeconds: Number(env.BENCH_WAKE_SECONDS ?? (quick ? 25 : 60)),
    limitSeconds: 600,
  };
}

/**
 * @param {BenchConfig} config
 * @param {{ log?: (line: string) => void }} [options]
 */
export async function runBench(config, { log = (l) => console.error(l) } = {}) {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const load0 = loadavg();
  /** @type {Record<string, number>} */
  const phases = {};
  /** @type {{ phase: string, message: string }[]} */
  const errors = [];
  /** @type {Measures} */
  const m = {
    bytes: { files: {}, pages: {}, frames: {} },
    fill: {},
    emptyRoundTrip: {},
    overhead: {},
    overheadControl: {},
    observerFloor: {},
    pageCost: {},
    popup: {},
    popupInTab: {},
    oneClick: {},
    unlock: {},
    wakeups: {},
  };
  /** @type {Record<string, string>} */
  const versions = {};
  /** @type {BenchBrowser[]} */
  const open = [];

  /**
   * @template T
   * @param {string} name
   * @param {() => Promise<T>} fn
   * @returns {Promise<T | undefined>}
   */
  const phase = async (name, fn) => {
    const t = Date.now();
    log(`[bench] ${name}…`);
    try {
      return await fn();
    } catch (error) {
      const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      errors.push({ phase: name, message });
      log(`[bench] ${name} FAILED: ${message}`);
      return undefined;
    } finally {
      phases[name] = (Date.now() - t) / 1000;
      log(`[bench] ${name} done in ${phases[name]?.toFixed(1)} s`);
    }
  };
  /**
   * @param {BrowserName} name
   * @param {number} proxyPort
   * @param {boolean} withExtension
   */
  const launch = async (name, proxyPort, withExtension) => {
    const b = await openBenchBrowser({ name, proxyPort, withExtension });
    open.push(b);
    versions[name] ??= binaryVersion(name, b.version);
    return b;
  };
  /** @param {BenchBrowser} b */
  const close = async (b) => {
    open.splice(open.indexOf(b), 1);
    await b.close();
  };

  for (const name of config.browsers) {
    m.bytes.files[name] = contentScriptBytes(name);
    m.bytes.pages[name] = pageBytes(name);
  }

  const web = await startBenchWeb();
  // The run must end within limitSeconds: the open-ended part (page overhead) gets what is left
  // after a reserve for the rest.
  const deadlineFor = (/** @type {number} */ reserveSeconds) =>
    started + (config.limitSeconds - reserveSeconds) * 1000;
  /** @type {BenchBrowser[]} */
  const withExt = [];
  try {
    for (const name of config.browsers) {
      const b = await phase(`${name}: launch`, () => launch(name, web.proxyPort, true));
      if (!b) continue;
      withExt.push(b);
      await phase(`${name}: frames injected`, async () => {
        m.bytes.frames[name] = await countInjectedFrames(b);
      });
      const ready = await phase(`${name}: vault with one entry`, async () => {
        await createVaultWithOneEntry(b);
        return true;
      });
      if (!ready) continue;
      await phase(`${name}: fill latency`, async () => {
        m.fill[name] = await measureFill(b, { samples: config.fillSamples });
      });
      if (name === "chromium") {
        await phase(`${name}: empty content → worker round trip`, async () => {
          m.emptyRoundTrip[name] = await measureEmptyRoundTrip(b, { samples: 30 });
        });
      }
      await phase(`${name}: ${config.popupEntries - 1} more entries`, () =>
        saveEntries(b, benchEntries(2, config.popupEntries)),
      );
      await phase(`${name}: popup`, async () => {
        const options = {
          samples: config.popupSamples,
          entries: config.popupEntries,
          namePrefix: "Bench ",
        };
        if (name === "chromium") m.popup[name] = await measurePopup(b, options);
        else m.popupInTab[name] = await measurePopupInTab(b, options);
      });
      await phase(`${name}: one-click login`, async () => {
        m.oneClick[name] = await measureOneClick(b, {
          samples: config.oneClickSamples,
          entryName: FIRST_ENTRY.name,
        });
      });
      await phase(`${name}: unlock`, async () => {
        m.unlock[name] = await measureUnlock(b, { samples: config.unlockSamples });
      });
      await phase(`${name}: page cost (probe build)`, async () => {
        const probe = await openBenchBrowser({
          name,
          proxyPort: web.proxyPort,
          extensionPath: join(root, "dist", `probe-${name === "chromium" ? "chrome" : name}`),
          // Full-precision performance.now() for the probe's sums (Firefox rounds it otherwise).
          firefoxPrefs: { "privacy.reduceTimerPrecision": false },
        });
        open.push(probe);
        try {
          m.pageCost[name] = await measurePageCost(probe, config.pageCost);
        } finally {
          await close(probe);
        }
      });
      await phase(`${name}: page overhead`, async () => {
        // Two browsers launched side by side for this measure alone, with and without the
        // extension: the one that ran the measures above has aged (tabs, heap, the popup) and
        // would not compare like with like.
        const fresh = await launch(name, web.proxyPort, true);
        const plain = await launch(name, web.proxyPort, false);
        const reserve = config.wakeSeconds + 60 + (name === "chromium" ? 180 : 0);
        try {
          m.overhead[name] = await measureOverhead(fresh, plain, {
            pairs: config.overheadPairs[name],
            ...config.spa,
            deadline: deadlineFor(reserve),
          });
        } finally {
          await close(fresh);
        }
        // The control: a third fresh browser, also without the extension, against the same
        // one, the same way. Its ratio is the measure's own noise on this machine.
        const control = await launch(name, web.proxyPort, false);
        try {
          m.overheadControl[name] = await measureOverhead(control, plain, {
            pairs: config.overheadPairs[name],
            ...config.spa,
            deadline: deadlineFor(reserve - 30),
          });
          // The floor of any extension that must see a login window appear: the page itself
          // registers a no-op observer with the content script's options on a logged-in page,
          // in the same browser, against itself without one.
          m.observerFloor[name] = await measureOverhead(plain, plain, {
            pairs: config.overheadPairs[name],
            ...config.spa,
            deadline: deadlineFor(reserve - 60),
            query: "?observer=narrow",
          });
        } finally {
          await close(control);
          await close(plain);
        }
      });
    }
    await phase(`wake-ups (${config.browsers.join(" + ")} at once)`, async () => {
      await Promise.all(
        withExt.map(async (b) => {
          m.wakeups[b.name] = await measureWakeups(b, { seconds: config.wakeSeconds });
        }),
      );
    });
  } finally {
    for (const b of [...open]) await b.close().catch(() => undefined);
    await web.close();
  }

  const rows = buildRows(m);
  for (const e of errors) {
    rows.push({
      item: "",
      measure: e.phase,
      browser: "",
      value: NaN,
      min: null,
      max: null,
      n: null,
      unit: "",
      budget: "",
      status: "ERROR",
      note: e.message,
    });
  }
  return {
    startedAt,
    durationSeconds: (Date.now() - started) / 1000,
    machine: { ...machineInfo(versions), loadAverage: load0.map((x) => Math.round(x * 100) / 100) },
    loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
    config,
    budgets: BUDGETS,
    phases,
    errors,
    rows,
    measures: m,
  };
}
