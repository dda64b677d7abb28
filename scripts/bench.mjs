#!/usr/bin/env node
// npm run bench — builds (package.json does), then measures the built extension in Debian's
// Chromium and Firefox ESR against its budgets, prints one table, writes
// bench/results.json and refreshes the latest table in bench/README.md. Not part of npm test:
// timings belong here, never in pass/fail tests. See bench/README.md for what each figure
// measures.
//   BENCH_BROWSERS=chromium npm run bench     one browser
//   BENCH_QUICK=1 node scripts/bench.mjs       few samples, to try it out (prints only)
//   BENCH_DEBUG=1                              browsers' stdout/stderr on ours
import { configFromEnv, runBench } from "./bench/run.mjs";
import { refreshReadme, RESULTS_PATH, writeResults } from "./bench/report.mjs";
import { textTable } from "./bench/table.mjs";

const config = configFromEnv(process.env);
const results = await runBench(config);
console.log(textTable(results.rows));
console.log(
  `\n${results.durationSeconds.toFixed(0)} s in all (limit ${config.limitSeconds} s); ` +
    `${results.machine.nproc} cores, ${results.machine.cpu}; ` +
    Object.values(results.machine.browsers).join(", "),
);
// A quick run's figures are not for keeping: it only prints.
if (process.env.BENCH_QUICK !== "1") {
  writeResults(results);
  await refreshReadme(results);
  console.log(`wrote ${RESULTS_PATH} and the table in bench/README.md`);
}
if (results.durationSeconds > config.limitSeconds) {
  console.error(`the bench took longer than ${config.limitSeconds} s`);
  process.exitCode = 1;
}
