// The end-to-end harness: a real Chromium or Firefox with the built extension, a local
// HTTPS/HTTP "internet" behind a proxy (https://soft.iamoffice.net/ is the demo IamOffice),
// and helpers to drive extension pages. See test/e2e/README.md.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe } from "vitest";
import {
  defaultExtensionPath,
  extensionSnapshotPath,
  launchBrowser,
  type BrowserName,
} from "../../scripts/lib/browsers.mjs";
import { startLocalWeb } from "../../scripts/lib/servers.mjs";
import { extensionPagePaths } from "../../scripts/lib/extension-pages.mjs";
import type { Site } from "../../scripts/lib/site.mjs";
import { createDemoSite } from "../../scripts/demo/routes.mjs";
import { Harness } from "./browser-harness";

export type { BrowserName } from "../../scripts/lib/browsers.mjs";
export * from "../../scripts/lib/hosts.mjs";
export * from "../../scripts/lib/page-helpers.mjs";
export { html, text } from "../../scripts/lib/site.mjs";
export { Harness } from "./browser-harness";
export * from "./demo-hooks";

export const BROWSERS: readonly BrowserName[] = ["chromium", "firefox"];

export interface HarnessOptions {
  /** Default: true, unless E2E_HEADFUL=1 (and a display exists). */
  headless?: boolean;
  /** Milliseconds between puppeteer actions; default from E2E_SLOWMO. */
  slowMo?: number;
  /** Extra Firefox prefs, e.g. `{ "extensions.background.idle.timeout": 2000 }`. */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Extra Chromium switches. */
  chromiumArgs?: string[];
  /** Serve this router instead of a fresh demo site. */
  site?: Site;
  /**
   * Profile directory to reuse; close() leaves it in place, so launching again with it is a
   * browser restart on the same profile (see LaunchOptions.userDataDir). You delete it.
   */
  userDataDir?: string;
}

/** Options from the environment: E2E_HEADFUL=1, E2E_SLOWMO=250, E2E_DEBUG=1, E2E_TIMINGS=1. */
function envOptions(): { headless: boolean; slowMo: number; debug: boolean; timings: boolean } {
  const headful = process.env.E2E_HEADFUL === "1";
  if (headful && !process.env.DISPLAY) {
    console.warn("[e2e] E2E_HEADFUL=1 but no $DISPLAY: running headless (try xvfb-run).");
  }
  return {
    headless: !(headful && process.env.DISPLAY),
    slowMo: Number(process.env.E2E_SLOWMO ?? 0),
    debug: process.env.E2E_DEBUG === "1",
    timings: process.env.E2E_TIMINGS === "1" || process.env.E2E_DEBUG === "1",
  };
}

/** Browsers to run: E2E_BROWSERS=chromium or firefox or both (default). */
export function selectedBrowsers(): BrowserName[] {
  const wanted = (process.env.E2E_BROWSERS ?? "chromium,firefox").split(",").map((s) => s.trim());
  return BROWSERS.filter((b) => wanted.includes(b));
}

/**
 * Starts the local web and launches `name` with the built extension.
 *   const h = await launch("firefox");
 *   try { … } finally { await h.close(); }
 */
export async function launch(name: BrowserName, options: HarnessOptions = {}): Promise<Harness> {
  const env = envOptions();
  const extensionPath = defaultExtensionPath(name);
  if (!existsSync(`${extensionPath}/manifest.json`)) {
    throw new Error(`${extensionPath} is not built: run \`npm run build\` (npm run test:e2e does)`);
  }
  // A profile the extension never ran in: it is installed fresh and opens its first-run tab.
  const freshProfile =
    !options.userDataDir || !existsSync(extensionSnapshotPath(options.userDataDir));
  const web = await startLocalWeb({ site: options.site ?? createDemoSite() });
  try {
    const launched = await launchBrowser({
      browser: name,
      proxyPort: web.proxyPort,
      headless: options.headless ?? env.headless,
      slowMo: options.slowMo ?? env.slowMo,
      dumpio: env.debug,
      ...(options.firefoxPrefs ? { firefoxPrefs: options.firefoxPrefs } : {}),
      ...(options.chromiumArgs ? { chromiumArgs: options.chromiumArgs } : {}),
      ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    });
    if (env.timings) console.log(`[e2e] ${name} ready in ${launched.launchMs} ms`);
    const h = new Harness(launched, web);
    if (freshProfile) {
      await closeFirstRunTab(h, extensionPagePaths(launched).options).catch(async (error) => {
        await launched.close();
        throw error;
      });
    }
    return h;
  } catch (error) {
    await web.close();
    throw error;
  }
}

/**
 * On a fresh profile the extension opens its options page by itself (first run), a moment after
 * the browser is ready. Left alone, that tab races the test's own first tabs: Firefox opens it
 * in a blank tab the test is about to use, or aborts the test's navigation to the same page.
 * So a fresh launch waits for that tab and closes it: every test starts with only its own tabs.
 */
async function closeFirstRunTab(h: Harness, optionsPath: string): Promise<void> {
  const options = h.extensionUrl(optionsPath);
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const page of await h.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => "");
      if (href === options) {
        // Closed once loaded, as a person would: a tab closed mid-load is its own case.
        await page.waitForFunction(() => document.readyState === "complete").catch(() => {});
        await page.close();
        return;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`the extension never opened its options page on first run (${options})`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * A stand-in usable at describe time that forwards to the harness launched in beforeAll.
 * Touching it before beforeAll ran (e.g. directly in a describe body) throws.
 */
function lazyHarness(current: () => Harness | undefined): Harness {
  return new Proxy({} as Harness, {
    get(_target, key) {
      const h = current();
      if (!h) throw new Error("the harness is not launched yet: use it inside it()/beforeAll()");
      const value: unknown = Reflect.get(h, key, h);
      return typeof value === "function"
        ? (value as (...args: unknown[]) => unknown).bind(h)
        : value;
    },
  });
}

/**
 * Runs the same suite in every selected browser, launching each browser once (beforeAll)
 * and always closing it (afterAll), even when tests fail.
 *
 *   describeEachBrowser("login", (h, name) => {
 *     it("fills the demo", async () => {
 *       const page = await h.goto();
 *       …
 *     });
 *   });
 */
export function describeEachBrowser(
  title: string,
  body: (h: Harness, name: BrowserName) => void,
  options: HarnessOptions = {},
): void {
  describe.each(selectedBrowsers())(`%s: ${title}`, (name) => {
    let current: Harness | undefined;
    beforeAll(async () => {
      current = await launch(name, options);
    });
    afterAll(async () => {
      await current?.close();
      current = undefined;
    });
    body(
      lazyHarness(() => current),
      name,
    );
  });
}
