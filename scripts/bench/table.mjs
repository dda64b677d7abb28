// Formats the rows as one plain-text table (console) or one Markdown table (README).

/** @typedef {import("./rows.mjs").Row} Row */

/**
 * @param {number | null} v
 * @param {string} unit
 * @returns {string}
 */
function fmt(v, unit) {
  if (v === null) return "";
  if (!Number.isFinite(v)) return "n/a";
  if (unit === "×" || unit === "%") return v.toFixed(2);
  if (unit === "B") return v.toLocaleString("en-US");
  if (Number.isInteger(v)) return String(v);
  return v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

/**
 * @param {Row} r
 * @returns {string[]}
 */
function cells(r) {
  const range =
    r.min === null || r.max === null ? "" : `${fmt(r.min, r.unit)}–${fmt(r.max, r.unit)}`;
  return [
    r.item,
    r.measure,
    r.browser,
    `${fmt(r.value, r.unit)} ${r.unit}`.trim(),
    range,
    r.n === null ? "" : String(r.n),
    r.budget,
    r.status,
    r.note,
  ];
}

const HEAD = ["#", "Measure", "Browser", "Median", "Min–max", "n", "Budget", "Result", "Notes"];

/**
 * @param {Row[]} rows
 * @returns {string}
 */
export function textTable(rows) {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((c) => (c[i] ?? "").length)));
  const line = (/** @type {string[]} */ c) =>
    c
      .map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(HEAD), widths.map((w) => "-".repeat(w)).join("  "), ...all.slice(1).map(line)].join(
    "\n",
  );
}

/**
 * @param {Row[]} rows
 * @returns {string}
 */
export function markdownTable(rows) {
  const esc = (/** @type {string} */ s) => s.replace(/\|/g, "\\|");
  const line = (/** @type {string[]} */ c) => `| ${c.map(esc).join(" | ")} |`;
  return [
    line(HEAD),
    line(HEAD.map((h) => (h === "Median" || h === "Min–max" || h === "n" ? "---:" : "---"))),
    ...rows.map((r) => line(cells(r))),
  ].join("\n");
}
