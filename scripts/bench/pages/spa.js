// Page-overhead workload: a single-page app that builds and tears down a 1,000-row table, round
// after round, yielding to the event loop between steps like a real app does (so the
// extension's MutationObserver callbacks and animation-frame work run in between and are
// paid inside the timed span). Rows are appended one by one to the attached table and then
// restyled through `class`, which is in the content script's attribute filter: about 2,000
// mutation records per round.
//
// The table is built inside a `hidden` container (spa.html). Rendering a 1,000-row table costs
// the same with and without the extension, but here it took ~90 % of the wall time (~100 ms a
// round: a 20 s run) and its frame-to-frame jitter drowned the difference. Without it the
// ratio compares the extension's work with the page's own DOM work only: an upper bound of
// what a user would feel on a page that also renders.
//
// With ?observer=narrow the page registers an empty subtree observer itself (see the end).
//
// window.__bench.spa({ rounds, rows }) resolves with the wall time in ms (performance.now()).
// window.__bench.scriptMs then holds the page's own script time of that run: the sum of its
// synchronous steps (build, restyle, remove), the denominator of the page-cost share; and
// window.__bench.batches the number of mutation batches (tasks that changed the DOM) it made.
(() => {
  "use strict";

  // A macrotask yield that is not clamped like nested setTimeout(0).
  const channel = new MessageChannel();
  /** @type {(() => void)[]} */
  const queue = [];
  channel.port1.onmessage = () => /** @type {() => void} */ (queue.shift())();
  /** @returns {Promise<void>} */
  const yieldTask = () =>
    new Promise((done) => {
      queue.push(done);
      channel.port2.postMessage(0);
    });

  /**
   * @param {HTMLElement} view
   * @param {number} rows
   * @param {number} round
   */
  function buildTable(view, rows, round) {
    const table = document.createElement("table");
    const tbody = document.createElement("tbody");
    table.append(tbody);
    view.append(table);
    const trs = [];
    for (let r = 0; r < rows; r++) {
      const tr = document.createElement("tr");
      for (let c = 0; c < 4; c++) {
        const td = document.createElement("td");
        td.textContent = c === 0 ? `Ligne ${round}-${r}` : String((r * 31 + c * 7 + round) % 997);
        tr.append(td);
      }
      tbody.append(tr);
      trs.push(tr);
    }
    for (let r = 0; r < rows; r++) {
      /** @type {HTMLElement} */ (trs[r]).className = r % 2 ? "odd" : "even";
    }
    return table;
  }

  /** @param {{ rounds?: number, rows?: number }} [options] */
  async function spa({ rounds = 200, rows = 1000 } = {}) {
    const view = /** @type {HTMLElement} */ (document.getElementById("view"));
    let script = 0;
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) {
      let t = performance.now();
      const table = buildTable(view, rows, i);
      script += performance.now() - t;
      await yieldTask();
      t = performance.now();
      table.remove();
      script += performance.now() - t;
      await yieldTask();
    }
    bench.scriptMs = script;
    // Each round is two mutation batches of the page: the build, then the removal.
    bench.batches = 2 * rounds;
    // Whatever the last mutations scheduled (a frame callback) is paid too.
    await new Promise((done) => {
      requestAnimationFrame(() => setTimeout(done, 0));
      setTimeout(done, 100); // a hidden tab runs no frames
    });
    return performance.now() - t0;
  }

  const bench = { spa, scriptMs: 0, batches: 0 };
  /** @type {typeof window & { __bench: typeof bench }} */ (window).__bench = bench;

  // spa.html?observer=narrow: the page watches itself as the content script does while logged
  // in, with an empty callback (the bench's observer floor, scripts/bench/run.mjs).
  if (new URLSearchParams(location.search).get("observer") === "narrow") {
    new MutationObserver(() => {}).observe(document, { subtree: true, childList: true });
  }
})();
