// The Harness class: one launched browser with the extension + its local web, and the ways a
// test reaches pages, the extension's pages and its background. Created by launch() in
// harness.ts, which is what tests import.
import type { Browser, Page, WebWorker } from "puppeteer-core";
import type { Browser as ExtensionApi } from "webextension-polyfill";
import type { BrowserName, ExtensionBrowser } from "../../scripts/lib/browsers.mjs";
import {
  extensionPagePaths,
  extensionUrl,
  isServiceWorkerRunning,
  openExtensionPage,
  openPopup,
  serviceWorker,
  wakeServiceWorker,
} from "../../scripts/lib/extension-pages.mjs";
import { IAMOFFICE_HOST, IAMOFFICE_URL } from "../../scripts/lib/hosts.mjs";
import type { LocalWeb } from "../../scripts/lib/servers.mjs";
import type { Site } from "../../scripts/lib/site.mjs";

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** One launched browser + its local web. Create with `launch()`; always `close()`. */
export class Harness {
  readonly name: BrowserName;
  readonly browser: Browser;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>` (no trailing slash). */
  readonly extensionOrigin: string;
  readonly extensionId: string;
  /** The servers and proxy; `web.site` is the router. */
  readonly web: LocalWeb;
  /** Register extra routes/pages: `h.site.page("evil.test", "/x", "<html>…")`. */
  readonly site: Site;
  /** Milliseconds from spawning the browser to the extension being ready. */
  readonly launchMs: number;
  /** The browser profile on disk (temporary unless launched with `userDataDir`). */
  readonly profileDir: string;
  readonly #launched: ExtensionBrowser;
  readonly #paths: { popup: string; options: string };
  #tab: Page | undefined;
  #extensionPage: Page | undefined;
  #popup: Page | undefined;

  constructor(launched: ExtensionBrowser, web: LocalWeb) {
    this.#launched = launched;
    this.name = launched.name;
    this.browser = launched.browser;
    this.extensionOrigin = launched.extensionOrigin;
    this.extensionId = launched.extensionId;
    this.launchMs = launched.launchMs;
    this.profileDir = launched.profileDir;
    this.web = web;
    this.site = web.site;
    this.#paths = extensionPagePaths(launched);
  }

  /** `chrome-extension://<id>/<path>` / `moz-extension://<uuid>/<path>`. */
  extensionUrl(path: string): string {
    return extensionUrl(this.#launched, path);
  }

  /** `https://soft.iamoffice.net/fixtures/<path>`: any file under test/fixtures/ (not certs/). */
  fixtureUrl(path: string): string {
    return `${IAMOFFICE_URL}fixtures/${path.replace(/^\//, "")}`;
  }

  /** The shared tab for web pages (created on first use). */
  async tab(): Promise<Page> {
    if (!this.#tab || this.#tab.isClosed()) this.#tab = await this.browser.newPage();
    return this.#tab;
  }

  /** Loads `url` in the shared tab (default: the demo at https://soft.iamoffice.net/). */
  async goto(url: string = IAMOFFICE_URL): Promise<Page> {
    const page = await this.tab();
    await page.goto(url, { waitUntil: "load" });
    return page;
  }

  /** A new tab, optionally loaded with a web `url`. */
  async newPage(url?: string): Promise<Page> {
    const page = await this.browser.newPage();
    if (url) await page.goto(url, { waitUntil: "load" });
    return page;
  }

  /**
   * Opens an extension page (e.g. "options/index.html") in a NEW tab and waits for it to
   * load. In Firefox, navigate that tab only to other extension pages (see README quirks).
   */
  openExtensionPage(path: string): Promise<Page> {
    return openExtensionPage(this.#launched, path);
  }

  /**
   * The popup, as a user sees it over the tab `over` (default: the shared tab, if any), so
   * that in the popup `tabs.query({ active: true, currentWindow: true })` is that tab.
   * - Chromium: the REAL popup (`action.openPopup()` from the service worker), a page of
   *   its own; it closes when you `close()` it or open another.
   * - Firefox: the popup page cannot be reached in its panel, so it is loaded in a tab and
   *   `over` is brought back to the front; that background tab still takes clicks/typing.
   *   Without `over` the popup tab itself is the active tab.
   */
  async openPopup({ over }: { over?: Page } = {}): Promise<Page> {
    const behind = over ?? (this.#tab && !this.#tab.isClosed() ? this.#tab : undefined);
    this.#popup = await openPopup(this.#launched, {
      ...(behind ? { over: behind } : {}),
      ...(this.#popup ? { previous: this.#popup } : {}),
      extensionPage: () => this.#extensionScratchPage(),
    });
    return this.#popup;
  }

  /** The options page in a tab. */
  openOptions(): Promise<Page> {
    return this.openExtensionPage(this.#paths.options);
  }

  /**
   * Runs `fn` in an extension page (full `browser.*`; in Chromium it is `chrome.*`, whose
   * MV3 APIs return promises too) and returns its JSON-serialisable result. `fn` is sent as
   * source text: it cannot use variables from the test, pass them as `args` (JSON).
   *   await h.evalInExtension((browser) => browser.storage.local.get());
   *   await h.evalInExtension((browser, key) => browser.storage.local.remove(key), "vault");
   */
  async evalInExtension<A extends unknown[], R>(
    fn: (browser: ExtensionApi, ...args: A) => R,
    ...args: A
  ): Promise<Awaited<R>> {
    return this.evalInExtensionPage(await this.#extensionScratchPage(), fn, ...args);
  }

  /** Like evalInExtension, in a given extension page (e.g. the popup or options page). */
  async evalInExtensionPage<A extends unknown[], R>(
    page: Page,
    fn: (browser: ExtensionApi, ...args: A) => R,
    ...args: A
  ): Promise<Awaited<R>> {
    const call = `(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ...${JSON.stringify(args)})`;
    return (await page.evaluate(call)) as Awaited<R>;
  }

  /** Whether the extension holds the host permission for https://soft.iamoffice.net/*. */
  hasHostPermission(): Promise<boolean> {
    return this.evalInExtension(
      (browser, origin) => browser.permissions.contains({ origins: [origin] }),
      `https://${IAMOFFICE_HOST}/*`,
    );
  }

  /** Chromium only: the extension's running service worker (waits up to `timeout` ms). */
  serviceWorker({ timeout = 10_000 }: { timeout?: number } = {}): Promise<WebWorker> {
    this.#chromiumOnly("serviceWorker");
    return serviceWorker(this.#launched, { timeout });
  }

  /** Chromium only: whether the extension's service worker is running right now. */
  isServiceWorkerRunning(): boolean {
    this.#chromiumOnly("isServiceWorkerRunning");
    return isServiceWorkerRunning(this.#launched);
  }

  /**
   * Chromium only: stops the extension's service worker the way Chrome does when it is idle
   * (CDP Target.closeTarget through puppeteer's WebWorker.close()). In-memory state is lost;
   * the next extension event (message, alarm, …) starts it again.
   */
  async stopServiceWorker(): Promise<void> {
    this.#chromiumOnly("stopServiceWorker");
    if (!this.isServiceWorkerRunning()) return;
    const worker = await this.serviceWorker();
    await worker.close();
    const deadline = Date.now() + 10_000;
    while (this.isServiceWorkerRunning()) {
      if (Date.now() > deadline) throw new Error("service worker did not stop");
      await sleep(50);
    }
  }

  /** Chromium only: starts the service worker if it is stopped, and returns it. */
  async wakeServiceWorker(): Promise<WebWorker> {
    this.#chromiumOnly("wakeServiceWorker");
    return wakeServiceWorker(this.#launched, await this.#extensionScratchPage());
  }

  /** Closes the browser (killing it if needed), the servers and the temp profile. */
  async close(): Promise<void> {
    await this.#launched.close();
    await this.web.close();
  }

  async #extensionScratchPage(): Promise<Page> {
    // manifest.json is an extension-origin document that runs no extension code of its own,
    // so evaluating there cannot disturb the popup/options under test.
    if (!this.#extensionPage || this.#extensionPage.isClosed()) {
      this.#extensionPage = await this.openExtensionPage("manifest.json");
    }
    return this.#extensionPage;
  }

  #chromiumOnly(what: string): void {
    if (this.name !== "chromium") {
      throw new Error(
        `${what}() is Chromium-only: Firefox runs the background as an event page. ` +
          `Use firefoxPrefs { "extensions.background.idle.timeout": ms } to make it suspend.`,
      );
    }
  }
}
