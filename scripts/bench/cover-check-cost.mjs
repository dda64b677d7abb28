#!/usr/bin/env node
// What the strict cover check costs by itself (a diagnosis aid, not part of npm run bench): the
// fill page without the extension, in Chromium and Firefox, light and with 5,000 other
// elements. Right after the demo's logout inserts the login window it times, in the page:
// the first layout (getBoundingClientRect), one plain hit test (elementFromPoint), a hit test
// with every element made to take pointer events (the universal rule src/content/
// hit-test-override.ts inserts), and the removal of that rule with the next layout.
//   node scripts/bench/cover-check-cost.mjs [rounds]
import { openBenchBrowser } from "./session.mjs";
import { benchUrl, startBenchWeb } from "./site.mjs";
import { HEAVY_ELEMENTS } from "./measures/fill.mjs";

/**
 * @typedef {typeof window & {
 *   __bench: { setHeavy: (n: number) => number },
 *   __demo: { logout: (why: string) => void },
 * }} FillPage
 */

const rounds = Number(process.argv[2] ?? 9);
const web = await startBenchWeb();
try {
  for (const name of /** @type {const} */ (["chromium", "firefox"])) {
    const b = await openBenchBrowser({ name, proxyPort: web.proxyPort, withExtension: false });
    try {
      const page = await b.tab();
      await page.bringToFront();
      await page.goto(`${benchUrl("fill.html")}?delay=0`, { waitUntil: "load" });
      for (const heavy of [0, HEAVY_ELEMENTS]) {
        await page.evaluate((n) => /** @type {FillPage} */ (window).__bench.setHeavy(n), heavy);
        /** @type {number[][]} */
        const samples = [];
        for (let i = 0; i < rounds; i++) samples.push(await page.evaluate(oneRound));
        const median = (/** @type {number} */ k) =>
          samples.map((s) => s[k] ?? NaN).sort((x, y) => x - y)[Math.floor(rounds / 2)];
        console.log(
          `${name}, ${heavy} other elements: first layout ${median(0)} ms, plain hit test ` +
            `${median(1)} ms, hit test with the universal rule ${median(2)} ms, its removal ` +
            `and the next layout ${median(3)} ms`,
        );
      }
    } finally {
      await b.close();
    }
  }
} finally {
  await web.close();
}

/** In the page: log in, let the dashboard settle, log out, time the four steps. */
async function oneRound() {
  const w = /** @type {FillPage} */ (window);
  for (const input of document.querySelectorAll("#app input")) {
    if (input instanceof HTMLInputElement) input.value = "x";
  }
  document.querySelector("#app form")?.dispatchEvent(new Event("submit", { cancelable: true }));
  await new Promise((done) => setTimeout(done, 300));
  w.__demo.logout("user");
  const t0 = performance.now();
  const field = document.querySelector("#app input[type=password]");
  const r = field?.getBoundingClientRect() ?? new DOMRect();
  const t1 = performance.now();
  document.elementFromPoint(r.left + 5, r.top + 5);
  const t2 = performance.now();
  const style = document.createElement("style");
  style.textContent =
    "*,*::before,*::after,*::backdrop{pointer-events:auto!important;interactivity:auto!important}";
  document.documentElement.prepend(style);
  document.elementFromPoint(r.left + 5, r.top + 5);
  const t3 = performance.now();
  style.remove();
  field?.getBoundingClientRect();
  const t4 = performance.now();
  return [t1 - t0, t2 - t1, t3 - t2, t4 - t3].map((x) => Math.round(x * 10) / 10);
}
