#!/usr/bin/env node
// `web-ext lint` on the Firefox build: no errors, and no warning that is not explained below.
import { spawnSync } from "node:child_process";
import { parseJson } from "./lib/json.mjs";

/** Each accepted warning: its code, the file it may appear in, and why it is acceptable. */
const EXPLAINED = [
  {
    code: "UNSAFE_VAR_ASSIGNMENT",
    file: /\.js$/,
    message: /innerHTML/,
    why:
      "Preact's DOM renderer contains the code path for dangerouslySetInnerHTML. Our source never " +
      "uses it (ESLint's rules in eslint.config.js forbid it), so the assignment is dead code.",
  },
];

const r = spawnSync(
  process.execPath,
  [
    "node_modules/web-ext/bin/web-ext.js",
    "lint",
    "-s",
    "dist/firefox",
    "--self-hosted",
    "--output",
    "json",
    "--no-input",
  ],
  { encoding: "utf8" },
);
/**
 * What `web-ext lint --output json` prints, as far as this script reads it.
 * @typedef {{ code: string, file?: string, message: string, description: string }} LintMessage
 * @typedef {{ errors: LintMessage[], warnings: LintMessage[], notices: LintMessage[] }} LintReport
 */
/** @type {LintReport} */
let report;
try {
  report = parseJson(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const unexplained = report.warnings.filter(
  (w) =>
    !EXPLAINED.some(
      (e) =>
        e.code === w.code &&
        e.file.test(w.file ?? "") &&
        e.message.test(`${w.message} ${w.description}`),
    ),
);
for (const e of report.errors) console.error(`error ${e.code} ${e.file ?? ""}: ${e.message}`);
for (const w of unexplained) console.error(`warning ${w.code} ${w.file ?? ""}: ${w.message}`);
const explained = report.warnings.length - unexplained.length;
console.log(
  `web-ext lint: ${report.errors.length} errors, ${unexplained.length} unexplained warnings, ${explained} explained warnings, ${report.notices.length} notices`,
);
process.exit(report.errors.length || unexplained.length ? 1 : 0);
