// Turns the measures' results into the rows of the one table the bench prints (and writes to
// results.json and the README): one row per figure and browser, with its budget and status.
import { BUDGETS, judge } from "./budgets.mjs";
import { pageCostRows } from "./rows-page-cost.mjs";

/**
 * @typedef {import("./stats.mjs").Summary} Summary
 * @typedef {import("./budgets.mjs").Status} Status
 * @typedef {"chromium" | "firefox"} BrowserName
 *
 * @typedef {object} Row
 * @property {string} item Issue item, e.g. "2".
 * @property {string} measure
 * @property {string} browser
 * @property {number} value The figure judged against the budget (a median, a ratio, a count).
 * @property {number | null} min
 * @property {number | null} max
 * @property {number | null} n
 * @property {string} unit
 * @property {string} budget
 * @property {Status} status
 * @property {string} note
 */

/**
 * @param {Partial<Row> & { item: string, measure: string, browser: string, value: number, unit: string }} row
 * @param {string} [budgetKey]
 * @returns {Row}
 */
function row(row, budgetKey) {
  const budget = budgetKey ? BUDGETS[budgetKey] : undefined;
  return {
    min: null,
    max: null,
    n: null,
    note: "",
    ...row,
    budget: budget?.text ?? row.budget ?? "",
    status: row.status ?? judge(budget, row.value),
  };
}

/**
 * @param {Summary} s
 * @returns {{ value: number, min: number, max: number, n: number }}
 */
const fromSummary = (s) => ({ value: s.median, min: s.min, max: s.max, n: s.n });

/**
 * The row fields of a with/without ratio (measures/overhead.mjs): the ratio, its per-pair spread.
 * @param {{ ratio: number, pairRatios: Summary }} o
 */
const fromRatio = (o) => ({
  value: o.ratio,
  min: o.pairRatios.min,
  max: o.pairRatios.max,
  n: o.pairRatios.n,
  unit: "×",
});

/**
 * Entries of a per-browser record, Chromium first, whatever order they were filled in.
 * @template T
 * @param {import("./run.mjs").ByBrowser<T> | undefined} byBrowser
 * @returns {[import("../lib/browsers.mjs").BrowserName, T][]}
 */
const ordered = (byBrowser) =>
  /** @type {[import("../lib/browsers.mjs").BrowserName, T][]} */ (
    Object.entries(byBrowser ?? {})
  ).sort(([a], [b]) => a.localeCompare(b));

/** @param {string[] | undefined} errors */
const errorNote = (errors) => (errors?.length ? `${errors.length} failed sample(s)` : "");

/**
 * @param {import("./run.mjs").Measures} m The measures assembled by scripts/bench/run.mjs.
 * @returns {Row[]}
 */
export function buildRows(m) {
  /** @type {Row[]} */
  const rows = [];
  /** @param {string} n */
  const label = (n) => (n === "chromium" ? "Chromium" : "Firefox");
  for (const [name, b] of ordered(m.bytes?.files)) {
    rows.push(
      row(
        {
          item: "1",
          measure: "Content script, raw",
          browser: label(name),
          value: b.raw,
          unit: "B",
          note: b.files.join(", "),
        },
        "bytes",
      ),
      row({
        item: "1",
        measure: "Content script, gzip -9",
        browser: label(name),
        value: b.gzip,
        unit: "B",
      }),
    );
  }
  for (const [name, f] of ordered(m.bytes?.frames)) {
    // The expected count (the IamOffice page and its same-origin child), all on IamOffice.
    const onlyTop =
      f.injected === f.expected &&
      f.where.every((/** @type {string} */ w) => / https:\/\/soft\.iamoffice\.net\//.test(w));
    rows.push(
      row({
        item: "1",
        measure: "Frames injected",
        browser: label(name),
        value: f.injected,
        unit: `of ${f.frames} frames`,
        budget: BUDGETS.frames?.text ?? "",
        status: onlyTop ? "PASS" : "MISS",
        note: `${f.pages} pages: IamOffice + same- and cross-origin child frames, http:, 5 lookalikes, evil.test framing it`,
      }),
    );
  }
  for (const [name, f] of ordered(m.fill)) {
    rows.push(
      row(
        {
          item: "2",
          measure: "Fill latency, demo",
          browser: label(name),
          ...fromSummary(f.light),
          unit: "ms",
          note: `first field at ${f.lightFirst.median.toFixed(1)} ms ${errorNote(f.errors)}`.trim(),
        },
        "fill",
      ),
      row(
        {
          item: "2",
          measure: "Fill latency, demo + 5,000 elements",
          browser: label(name),
          ...fromSummary(f.heavy),
          unit: "ms",
          note: `first field at ${f.heavyFirst.median.toFixed(1)} ms; ${f.heavyElements} elements added`,
        },
        "fill",
      ),
    );
    const empty = m.emptyRoundTrip[name];
    if (empty) {
      rows.push(
        row({
          item: "2",
          measure: "Floor: empty content → worker round trip",
          browser: label(name),
          ...fromSummary(empty),
          unit: "ms",
          note: "from the content script's own world, page idle; the router answers an unknown type at once",
        }),
      );
    }
  }
  for (const [name, o] of ordered(m.overhead)) {
    rows.push(
      row(
        {
          item: "3",
          measure: "Page overhead (SPA), with/without",
          browser: label(name),
          ...fromRatio(o),
          note: `${Math.round(o.withExtension.median)} vs ${Math.round(o.withoutExtension.median)} ms median`,
        },
        "overhead",
      ),
    );
    const control = m.overheadControl[name];
    if (control) {
      rows.push(
        row({
          item: "3",
          measure: "Control: without/without",
          browser: label(name),
          ...fromRatio(control),
          note: "a third browser without the extension against the same one, the same way: the ratio's own noise",
        }),
      );
    }
    const floor = m.observerFloor[name];
    if (floor) {
      rows.push(
        row({
          item: "3",
          measure: "Floor: a no-op observer/without",
          browser: label(name),
          ...fromRatio(floor),
          note: "the page itself observes the document (subtree, childList) with an empty callback, as the content script does while logged in; same browser, without the extension",
        }),
      );
    }
  }
  rows.push(...pageCostRows(m.pageCost, row));
  for (const [name, p] of ordered(m.popup)) {
    /** @param {Summary} s */
    const ms = (s) => s.median.toFixed(0);
    rows.push(
      row(
        {
          item: "4",
          measure: "Popup opened → 50 entries painted",
          browser: label(name),
          ...fromSummary(p.render),
          unit: "ms",
          note:
            `DOMContentLoaded ${ms(p.domContentLoaded)}, list in DOM ${ms(p.listInDom)} ` +
            `(popup.open round trip ${ms(p.messages.popupOpen)})`,
        },
        "popup",
      ),
      row({
        item: "4",
        measure: "Floor: static copy of that popup, no script",
        browser: label(name),
        ...fromSummary(p.floor),
        unit: "ms",
        note: "the painted popup's DOM and stylesheets in the same popup window, alternating with the real one",
      }),
      row({
        item: "4",
        measure: "Toolbar click → 50 entries painted",
        browser: label(name),
        ...fromSummary(p.total),
        unit: "ms",
        note: `openPopup() → popup document start ${ms(p.open)} (browser side) + the above ${errorNote(p.errors)}`.trim(),
      }),
    );
  }
  for (const [name, p] of ordered(m.popupInTab)) {
    rows.push(
      row({
        item: "4",
        measure: "Popup page in a tab → 50 entries painted",
        browser: label(name),
        ...fromSummary(p.render),
        unit: "ms",
        note: `DOMContentLoaded ${p.domContentLoaded.median.toFixed(0)}, list in DOM ${p.listInDom.median.toFixed(0)}; the panel itself is out of WebDriver's reach ${errorNote(p.errors)}`.trim(),
      }),
      row({
        item: "4",
        measure: "Floor: static copy of that page, no script",
        browser: label(name),
        ...fromSummary(p.floor),
        unit: "ms",
        note: "the painted page's DOM and stylesheets in the same tab, alternating with the real one",
      }),
    );
  }
  for (const [name, pages] of ordered(m.bytes?.pages)) {
    for (const [page, p] of Object.entries(pages)) {
      const loads = [
        p.polyfill ? "webextension-polyfill" : "no webextension-polyfill",
        p.zxcvbn ? "zxcvbn" : "no zxcvbn",
      ];
      const later = p.onDemand.length ? `; loaded on demand: ${p.onDemand.join(", ")}` : "";
      rows.push(
        row({
          item: "4",
          measure: `Page bundle, ${page.split("/")[0]}, raw`,
          browser: label(name),
          value: p.raw,
          unit: "B",
          note: `gzip -9 ${p.gzip.toLocaleString("en-US")} B; ${p.files.join(", ")}; ${loads.join(", ")}${later}`,
        }),
      );
    }
  }
  for (const [name, o] of ordered(m.oneClick)) {
    rows.push(
      row(
        {
          item: "5",
          measure: "One-click login → submit handler",
          browser: label(name),
          ...fromSummary(o.clickToSubmit),
          unit: "ms",
          note: `${name === "firefox" ? "popup page in a tab" : "real popup"} ${errorNote(o.errors)}`.trim(),
        },
        "oneClick",
      ),
    );
  }
  for (const [name, u] of ordered(m.unlock)) {
    rows.push(
      row(
        {
          item: "6",
          measure: "Unlock (Argon2id)",
          browser: label(name),
          ...fromSummary(u.unlock),
          unit: "ms",
          note: u.kdf ? `m=${u.kdf.m} KiB, t=${u.kdf.t}, p=${u.kdf.p}` : "",
        },
        "unlock",
      ),
    );
  }
  for (const [name, w] of ordered(m.wakeups)) {
    const types = Object.entries(w.byType)
      .map(([t, c]) => `${c} ${t}`)
      .join(", ");
    rows.push(
      row(
        {
          item: "7",
          measure: "Content → background messages",
          browser: label(name),
          value: w.perMinute,
          n: w.messages,
          unit: "/ min",
          note:
            `${w.seconds} s, ${w.keys} keys + ${w.clicks} clicks: ${types || "none"}` +
            (w.workerStarts === null ? "" : `; worker starts: ${w.workerStarts}`),
        },
        "wakeups",
      ),
    );
  }
  return rows;
}
