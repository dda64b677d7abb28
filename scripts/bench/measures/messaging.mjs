// Item 2's floor, Chromium: one empty message from the content script to the worker and back,
// sent from the content script's own isolated world (reached through the DevTools protocol) on
// the bench's fill page, with the page idle. The message type is unknown, so the worker's router
// answers it at once: what every fill pays for its one round trip before any work of ours.
import { benchUrl } from "../site.mjs";
import { summarize } from "../stats.mjs";

/**
 * @typedef {import("../session.mjs").BenchBrowser} BenchBrowser
 * @typedef {import("../stats.mjs").Summary} Summary
 */

/**
 * @param {BenchBrowser} b Chromium with the extension.
 * @param {{ samples: number }} options
 * @returns {Promise<Summary>}
 */
export async function measureEmptyRoundTrip(b, { samples }) {
  const page = await b.tab();
  await page.bringToFront();
  const cdp = await page.createCDPSession();
  /** @type {{ id: number, name: string, auxData?: { type?: string } }[]} */
  const contexts = [];
  cdp.on("Runtime.executionContextCreated", (e) => contexts.push(e.context));
  try {
    await cdp.send("Runtime.enable");
    await page.goto(benchUrl("fill.html"), { waitUntil: "load" });
    await page.waitForFunction(() => document.documentElement.dataset.iamofficeLogin === "ready");
    // Puppeteer makes isolated worlds of its own; the extension's carries the extension's name.
    const world = contexts.findLast(
      (c) => c.auxData?.type === "isolated" && !c.name.startsWith("__puppeteer"),
    );
    if (!world) throw new Error("the content script's world was not found");
    const { result } = await cdp.send("Runtime.evaluate", {
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async (n) => {
        const times = [];
        for (let i = 0; i < n; i++) {
          await new Promise((done) => setTimeout(done, 50));
          const t0 = performance.now();
          await chrome.runtime.sendMessage({ type: "bench.empty" });
          times.push(performance.now() - t0);
        }
        return times;
      })(${samples})`,
    });
    /** @type {unknown} */
    const times = result.value;
    if (!Array.isArray(times)) throw new Error("no round trip was timed");
    return summarize(times.map(Number));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
