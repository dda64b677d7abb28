#!/usr/bin/env node
// npm run test:e2e [-- vitest args]   (E2E_BROWSERS=chromium|firefox to run one engine)
// Finds (or installs) the browsers, builds dist/ when stale, then runs the end-to-end suite:
// one Vitest project per engine, so Chromium and Firefox files run side by side.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBrowsers } from "./lib/browser-setup.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
/** @type {import("./lib/browsers.mjs").BrowserName[]} */
const engines = ["chromium", "firefox"];
const wanted = (process.env.E2E_BROWSERS ?? engines.join(",")).split(",").map((s) => s.trim());
const selected = engines.filter((b) => wanted.includes(b));
if (selected.length === 0) {
  console.error(`E2E_BROWSERS=${process.env.E2E_BROWSERS}: name chromium, firefox or both.`);
  process.exit(2);
}

const problem = ensureBrowsers(selected);
if (problem) {
  console.error(problem);
  process.exit(1);
}

/** @param {string} script @param {string[]} args */
const node = (script, args) =>
  spawnSync(process.execPath, [join(root, script), ...args], { stdio: "inherit", cwd: root });

const build = node("scripts/build.mjs", ["--if-stale"]);
if (build.status !== 0) process.exit(build.status ?? 1);

const vitest = node("node_modules/vitest/vitest.mjs", [
  "run",
  ...selected.map((b) => `--project=e2e-${b}`),
  // Three browser test files at a time: most of a browser test is waiting, and on 2 cores three
  // beat two (e2e 331 s -> 274 s measured); test/e2e/README.md.
  "--maxWorkers=3",
  ...process.argv.slice(2),
]);
process.exit(vitest.status ?? 1);
