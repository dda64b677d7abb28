#!/usr/bin/env node
// npm start [-- --firefox] [-- --real] [-- --headless] [-- --walk]
//
// Builds the extension, serves the demo IamOffice at https://soft.iamoffice.net/ (local
// servers behind a proxy, nothing leaves the machine), and opens Chromium (default) or
// Firefox with the extension loaded.
// - With a display ($DISPLAY): a visible browser on the demo; Ctrl-C or closing it ends.
//   --walk also runs the walkthrough in that window (to watch it).
// - Without a display, or with --headless: runs the walkthrough (scripts/lib/walkthrough.mjs),
//   prints each step, saves screenshots to dist/screenshots/<browser>/, exits 0 unless a
//   step failed.
// - --real: no local servers, no proxy: the real https://soft.iamoffice.net/ (needs network).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBrowsers } from "./lib/browser-setup.mjs";
import { launchBrowser } from "./lib/browsers.mjs";
import { extensionPagePaths, openExtensionPage, openPopup } from "./lib/extension-pages.mjs";
import { IAMOFFICE_URL } from "./lib/hosts.mjs";
import { startLocalWeb } from "./lib/servers.mjs";
import { walk } from "./lib/walkthrough.mjs";
import { createDemoSite } from "./demo/routes.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const known = ["--firefox", "--chromium", "--real", "--headless", "--walk", "--no-build", "--help"];
const unknown = argv.filter((a) => !known.includes(a));
if (argv.includes("--help") || unknown.length) {
  if (unknown.length) console.error(`unknown option(s): ${unknown.join(" ")}`);
  console.log(
    "usage: npm start [-- --firefox] [--real] [--headless] [--walk] [--no-build]\n" +
      "  --firefox   Firefox ESR instead of Chromium\n" +
      "  --real      the real https://soft.iamoffice.net/ (no local demo, no proxy)\n" +
      "  --headless  run the walkthrough headless even when a display exists\n" +
      "  --walk      with a display: run the walkthrough in the visible window\n" +
      "  --no-build  use dist/ as it is",
  );
  process.exit(unknown.length ? 2 : 0);
}
const name = argv.includes("--firefox") ? "firefox" : "chromium";
const real = argv.includes("--real");
const visible = Boolean(process.env.DISPLAY) && !argv.includes("--headless");

/** @param {string} line */
function fail(line) {
  console.error(`npm start: ${line}`);
  process.exit(1);
}
// Anything that still goes wrong ends in one line, never a stack trace.
process.on("uncaughtException", (error) =>
  fail(error instanceof Error ? error.message : String(error)),
);
process.on("unhandledRejection", (error) =>
  fail(error instanceof Error ? error.message : String(error)),
);

const missing = ensureBrowsers([name]);
if (missing) fail(missing);

if (!argv.includes("--no-build")) {
  const r = spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** @type {(() => Promise<void>)[]} */
const cleanups = [];
let closing = false;
/** @param {number} code */
async function shutdown(code) {
  if (closing) return;
  closing = true;
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(130));
process.on("SIGTERM", () => void shutdown(143));

const web = real ? undefined : await startLocalWeb({ site: createDemoSite() });
if (web) cleanups.push(web.close);
const siteUrl = IAMOFFICE_URL;

const eb = await launchBrowser({
  browser: name,
  headless: !visible,
  ...(web ? { proxyPort: web.proxyPort } : {}),
});
cleanups.push(eb.close);
console.log(
  `${name} ready in ${(eb.launchMs / 1000).toFixed(1)} s — extension ${eb.extensionOrigin}` +
    (web ? ` — demo served through proxy 127.0.0.1:${web.proxyPort}` : " — real site"),
);

const paths = extensionPagePaths(eb);
/** @type {import("puppeteer-core").Page | undefined} */
let scratch;
/** @type {import("puppeteer-core").Page | undefined} */
let popup;
const pages = {
  /** @param {string} which "options" or a path inside the extension */
  openExtensionPage: (which) => openExtensionPage(eb, which === "options" ? paths.options : which),
  /** @param {import("puppeteer-core").Page} [over] */
  openPopup: async (over) =>
    (popup = await openPopup(eb, {
      ...(over ? { over } : {}),
      ...(popup ? { previous: popup } : {}),
      extensionPage: async () => (scratch ??= await openExtensionPage(eb, "manifest.json")),
    })),
};

if (visible && !argv.includes("--walk")) {
  const [first] = await eb.browser.pages();
  const page = first ?? (await eb.browser.newPage());
  await page.goto(siteUrl).catch((error) => console.error(String(error)));
  console.log(`Opened ${siteUrl}. Close the browser or press Ctrl-C to stop.`);
  eb.browser.on("disconnected", () => void shutdown(0));
} else {
  const shotsDir = join(root, "dist", "screenshots", name);
  rmSync(shotsDir, { recursive: true, force: true });
  console.log(`Walkthrough in ${name}${visible ? "" : " (headless)"}:`);
  const results = await walk({
    eb,
    siteUrl,
    demo: !real,
    shotsDir,
    ...pages,
  });
  const count = (/** @type {string} */ o) => results.filter((r) => r.outcome === o).length;
  console.log(
    `${count("ok")} passed, ${count("failed")} failed, ${count("skipped")} skipped — screenshots in ${shotsDir}`,
  );
  if (visible) {
    console.log("Leaving the window open. Close the browser or press Ctrl-C to stop.");
    eb.browser.on("disconnected", () => void shutdown(count("failed") ? 1 : 0));
  } else {
    await shutdown(count("failed") ? 1 : 0);
  }
}
