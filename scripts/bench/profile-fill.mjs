#!/usr/bin/env node
// Where the fill-latency time goes (a diagnosis aid, not part of npm run bench): Chromium with
// the cost-probe build (unminified, so functions keep their names) runs the fill page's logout →
// login-window cycles under the CDP sampling profiler, in the page and in the worker, and prints
// the functions with the most self time in each.
//   node scripts/build.mjs --cost-probe && node scripts/bench/profile-fill.mjs [rounds] [heavy]
import { TargetType } from "puppeteer-core";
import { openBenchBrowser } from "./session.mjs";
import { selfSamples } from "./self-time.mjs";
import { benchUrl, startBenchWeb } from "./site.mjs";
import { createVaultWithOneEntry } from "./vault.mjs";

/** @typedef {import("./measures/fill.mjs").FillPage} FillPage */

const rounds = Number(process.argv[2] ?? 20);
const heavy = Number(process.argv[3] ?? 0);

/**
 * @param {import("devtools-protocol").Protocol.Profiler.Profile} profile
 * @param {string} title
 */
function print(profile, title) {
  const total = profile.samples?.length ?? 0;
  const us = (profile.endTime - profile.startTime) / Math.max(1, total);
  console.log(`\n${title}: ${total} samples (~${us.toFixed(0)} µs each); self time:`);
  for (const [key, count] of selfSamples(profile, { withLine: true }).slice(0, 25)) {
    console.log(`${((count * us) / 1000 / rounds).toFixed(2).padStart(7)} ms/round  ${key}`);
  }
}

const web = await startBenchWeb();
const b = await openBenchBrowser({
  name: "chromium",
  proxyPort: web.proxyPort,
  extensionPath: "dist/probe-chrome",
});
try {
  await createVaultWithOneEntry(b);
  const page = await b.tab();
  await page.bringToFront();
  await page.goto(`${benchUrl("fill.html")}?delay=0`, { waitUntil: "load" });
  await new Promise((done) => setTimeout(done, 1500));
  await page.evaluate((n) => /** @type {FillPage} */ (window).__bench.setHeavy(n), heavy);
  const worker = await (
    await b.eb.browser.waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER)
  ).createCDPSession();
  const cdp = await page.createCDPSession();
  for (const s of [cdp, worker]) {
    await s.send("Profiler.enable");
    await s.send("Profiler.setSamplingInterval", { interval: 100 });
    await s.send("Profiler.start");
  }
  /** @type {number[]} */
  const ms = [];
  for (let i = 0; i < rounds; i++) {
    const r = await page.evaluate(() =>
      /** @type {FillPage} */ (window).__bench.fillOnce({ timeoutMs: 3000 }),
    );
    ms.push(r.ms ?? NaN);
  }
  print((await cdp.send("Profiler.stop")).profile, "page (content script + page)");
  print((await worker.send("Profiler.stop")).profile, "worker");
  console.log(`\nlatencies: ${ms.map((m) => m.toFixed(1)).join(" ")}`);
} finally {
  await b.close();
  await web.close();
}
