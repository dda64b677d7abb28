// What the content script costs the page, measured from inside: only in the bench's probe build
// (`node scripts/build.mjs --cost-probe`, which defines __COST_PROBE__). In the shipped build the
// constant is false, `timed` returns the function itself and the rest is dropped by the
// minifier, so nothing here reaches users.
//
// The probe sums the main-thread time of every entry point the page can trigger (mutation
// callbacks, the frame/timer flush, event listeners): nested calls are counted once. The bench
// page asks for the totals with a `iamoffice-cost-probe` event on the document; the answer is
// written to `data-iamoffice-cost` on <html> (time in ms, observer callbacks, flushes).
declare const __COST_PROBE__: boolean | undefined;

export const COST_PROBE = typeof __COST_PROBE__ === "boolean" && __COST_PROBE__;

// ms: all entry points; batchMs / flushMs / eventMs: the same time split by kind.
export const totals = { ms: 0, batches: 0, flushes: 0, batchMs: 0, flushMs: 0, eventMs: 0 };
let depth = 0;

/** Wraps an entry point so its synchronous time counts (probe build only). */
export function timed<A extends unknown[], R>(
  kind: "batch" | "flush" | "event",
  fn: (...args: A) => R,
): (...args: A) => R {
  if (!COST_PROBE) return fn;
  return (...args) => {
    if (depth++ > 0) {
      try {
        return fn(...args);
      } finally {
        depth--;
      }
    }
    if (kind === "batch") totals.batches++;
    else if (kind === "flush") totals.flushes++;
    const t0 = performance.now();
    try {
      return fn(...args);
    } finally {
      const ms = performance.now() - t0;
      totals.ms += ms;
      totals[`${kind}Ms`] += ms;
      depth--;
    }
  };
}

/** Answers the bench page's requests for the totals (probe build only). */
export function answerCostProbe(doc: Document): void {
  if (!COST_PROBE) return;
  doc.addEventListener("iamoffice-cost-probe", () => {
    doc.documentElement.dataset.iamofficeCost = JSON.stringify(totals);
  });
}
