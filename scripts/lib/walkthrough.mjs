// `npm start` without a display: walk through the demo as a user would, one step at a time
// (steps in walkthrough-steps.mjs), printing one line per step and saving screenshots.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { STEPS, Skip } from "./walkthrough-steps.mjs";

/**
 * @typedef {import("./walkthrough-steps.mjs").WalkContext} WalkContext
 * @typedef {import("./walkthrough-steps.mjs").Outcome} Outcome
 */

/**
 * Runs the steps in order, printing one line each; returns the outcomes.
 * @param {Pick<WalkContext, "eb" | "siteUrl" | "demo" | "openExtensionPage" | "openPopup"> & { shotsDir: string, log?: (line: string) => void }} options
 * @returns {Promise<{ title: string, outcome: Outcome, detail: string }[]>}
 */
export async function walk({ shotsDir, log = console.log, openExtensionPage, openPopup, ...base }) {
  mkdirSync(shotsDir, { recursive: true });
  let n = 0;
  /** @type {WalkContext} */
  const ctx = {
    ...base,
    done: {},
    current: undefined,
    screenshot: async (page, name) => {
      const path = join(shotsDir, `${String(++n).padStart(2, "0")}-${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    openExtensionPage: async (which) => (ctx.current = await openExtensionPage(which)),
    openPopup: async (over) => (ctx.current = await openPopup(over)),
    openPage: async (url) => {
      const page = (ctx.current = await base.eb.browser.newPage());
      await page.goto(url, { waitUntil: "load" });
      return page;
    },
  };
  const results = [];
  for (const step of STEPS) {
    if (step.demoOnly && !ctx.demo) continue;
    const started = Date.now();
    /** @type {Outcome} */
    let outcome = "ok";
    let detail = "";
    try {
      detail = (await step.run(ctx)) ?? "";
    } catch (error) {
      outcome = error instanceof Skip ? "skipped" : "failed";
      detail = error instanceof Error ? error.message : String(error);
      if (outcome === "failed" && ctx.current && !ctx.current.isClosed()) {
        const shot = await ctx.screenshot(ctx.current, "failed").catch(() => "");
        if (shot) detail += ` — see ${shot}`;
      }
    }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const mark = { ok: "✓", skipped: "-", failed: "✗" }[outcome];
    const note = outcome === "skipped" ? `skipped (not built yet: ${detail})` : detail;
    log(`${mark} ${step.title} [${secs} s]${note ? ` — ${note}` : ""}`);
    results.push({ title: step.title, outcome, detail });
  }
  return results;
}
