// Rows of item 3b, the page's cost measured from inside (measures/page-cost.mjs): one row per
// browser and state. The judged figure is the CDP profiler's share in Chromium and the probe's
// in Firefox (no profiler reachable there); the other figures go to the note.

/**
 * @typedef {import("./rows.mjs").Row} Row
 * @typedef {import("./measures/page-cost.mjs").StateCost} StateCost
 * @typedef {import("./stats.mjs").Summary} Summary
 */

/**
 * @param {import("./run.mjs").Measures["pageCost"]} pageCost
 * @param {(r: Partial<Row> & { item: string, measure: string, browser: string, value: number, unit: string }, budgetKey?: string) => Row} row
 * @returns {Row[]}
 */
export function pageCostRows(pageCost, row) {
  /** @type {Row[]} */
  const rows = [];
  const pct = (/** @type {Summary} */ s) => ({
    value: 100 * s.median,
    min: 100 * s.min,
    max: 100 * s.max,
    n: s.n,
  });
  for (const [name, states] of Object.entries(pageCost ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    for (const [state, c] of /** @type {[string, StateCost][]} */ (Object.entries(states))) {
      const judged = c.cdp ? c.cdp.share : c.share;
      const probe = `probe ${(100 * c.share.median).toFixed(2)} %`;
      rows.push(
        row(
          {
            item: "3b",
            measure: `Page cost, ${state} (SPA)`,
            browser: name === "chromium" ? "Chromium" : "Firefox",
            ...pct(judged),
            unit: "%",
            note:
              `${c.cdp ? `CDP profiler; ${probe}` : probe}; ` +
              `${c.perBatchUs.median.toFixed(1)} µs per mutation batch of the page ` +
              `(${c.batches} batches, ${c.callbacks} observer callbacks, page script ` +
              `${c.pageScriptMs.median.toFixed(0)} ms); content state "${c.contentState}"`,
          },
          "pageCost",
        ),
      );
    }
  }
  return rows;
}
