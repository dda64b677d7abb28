// Small statistics for the bench: every figure is a median with its min and max, and every
// comparison a ratio measured in the same run from alternating A/B samples.

/**
 * @typedef {object} Summary
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} n Number of samples.
 */

/**
 * @param {readonly number[]} samples
 * @returns {Summary}
 */
export function summarize(samples) {
  const sorted = [...samples].filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = Math.floor(n / 2);
  const median = n % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[n - 1] ?? NaN, n };
}

/**
 * Runs `a` and `b` alternately `pairs` times (A B, B A, A B… so neither always goes first)
 * and returns both sample lists plus the per-pair ratios a/b. With `deadline` (epoch ms), stops
 * early once it has passed and at least `minPairs` pairs are done, to keep the whole bench
 * within its time limit on a loaded machine.
 * @param {number} pairs
 * @param {() => Promise<number>} a
 * @param {() => Promise<number>} b
 * @param {{ deadline?: number, minPairs?: number }} [options]
 * @returns {Promise<{ a: number[], b: number[], ratios: number[] }>}
 */
export async function alternate(pairs, a, b, { deadline = Infinity, minPairs = 3 } = {}) {
  /** @type {number[]} */
  const as = [];
  /** @type {number[]} */
  const bs = [];
  for (let i = 0; i < pairs; i++) {
    if (i >= minPairs && Date.now() > deadline) break;
    if (i % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
  }
  return { a: as, b: bs, ratios: as.map((x, i) => x / (bs[i] ?? NaN)) };
}

/**
 * Repeats `fn` `n` times, sequentially.
 * @param {number} n
 * @param {(i: number) => Promise<number>} fn
 * @returns {Promise<number[]>}
 */
export async function repeat(n, fn) {
  /** @type {number[]} */
  const out = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}
