#!/usr/bin/env node
// node scripts/setup-browsers.mjs [chromium] [firefox]   (default: both)
// Finds the browsers the end-to-end tests and `npm start` drive; installs them from Debian when
// this machine can (root + apt-get); otherwise prints one line saying what to run and exits 1.
import { ensureBrowsers } from "./lib/browser-setup.mjs";

/** @type {import("./lib/browsers.mjs").BrowserName[]} */
const all = ["chromium", "firefox"];
const args = process.argv.slice(2);
const unknown = args.filter((a) => !all.includes(/** @type {never} */ (a)));
if (unknown.length) {
  console.error(
    `usage: node scripts/setup-browsers.mjs [chromium] [firefox] (not: ${unknown.join(" ")})`,
  );
  process.exit(2);
}
const wanted = args.length ? all.filter((b) => args.includes(b)) : all;
const problem = ensureBrowsers(wanted);
if (problem) {
  console.error(problem);
  process.exit(1);
}
