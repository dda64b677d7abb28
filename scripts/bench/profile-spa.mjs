#!/usr/bin/env node
// Where the page-overhead time goes (a diagnosis aid, not part of npm run bench): Chromium with
// the built extension runs the SPA workload of pages/spa.js under the CDP sampling profiler and
// prints the functions with the most self time. Content-script frames show as
// `content/index.js`; native DOM calls (TreeWalker.nextNode, append…) by name.
//   node scripts/bench/profile-spa.mjs [rounds]
import { openBenchBrowser } from "./session.mjs";
import { selfSamples } from "./self-time.mjs";
import { benchUrl, startBenchWeb } from "./site.mjs";

/** @typedef {import("./measures/overhead.mjs").SpaPage} SpaPage */

const rounds = Number(process.argv[2] ?? 60);
const web = await startBenchWeb();
const b = await openBenchBrowser({ name: "chromium", proxyPort: web.proxyPort });
try {
  const page = await b.tab();
  await page.bringToFront();
  await page.goto(benchUrl("spa.html"), { waitUntil: "load" });
  await new Promise((done) => setTimeout(done, 800));
  const cdp = await page.createCDPSession();
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const ms = await page.evaluate(
    (n) => /** @type {SpaPage} */ (window).__bench.spa({ rounds: n, rows: 1000 }),
    rounds,
  );
  const { profile } = await cdp.send("Profiler.stop");
  const total = profile.samples?.length ?? 0;
  console.log(`${rounds} rounds in ${Math.round(ms)} ms, ${total} samples; self time:`);
  for (const [key, count] of selfSamples(profile).slice(0, 20)) {
    console.log(`${((100 * count) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
} finally {
  await b.close();
  await web.close();
}
