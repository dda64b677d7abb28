// Reaching the extension's own pages and background in both browsers. Shared by the E2E
// harness and `npm start`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TargetType } from "puppeteer-core";
import { defaultExtensionPath } from "./browsers.mjs";
import { parseJson } from "./json.mjs";

/**
 * @typedef {import("puppeteer-core").Page} Page
 * @typedef {import("puppeteer-core").WebWorker} WebWorker
 * @typedef {import("./browsers.mjs").ExtensionBrowser} ExtensionBrowser
 * @typedef {{ action?: { default_popup?: string }, options_ui?: { page?: string } }} BuiltManifest
 */

/**
 * Paths of the popup and options pages, read from the built manifest (so they cannot drift).
 * @param {ExtensionBrowser} eb
 * @returns {{ popup: string, options: string }}
 */
export function extensionPagePaths(eb) {
  /** @type {BuiltManifest} */
  const manifest = parseJson(
    readFileSync(join(defaultExtensionPath(eb.name), "manifest.json"), "utf8"),
  );
  return {
    popup: manifest.action?.default_popup ?? "popup/index.html",
    options: manifest.options_ui?.page ?? "options/index.html",
  };
}

/**
 * @param {ExtensionBrowser} eb
 * @param {string} path
 * @returns {string}
 */
export function extensionUrl(eb, path) {
  return `${eb.extensionOrigin}/${path.replace(/^\//, "")}`;
}

/**
 * Opens an extension page in a NEW tab and waits for it to load.
 * @param {ExtensionBrowser} eb
 * @param {string} path
 * @returns {Promise<Page>}
 */
export async function openExtensionPage(eb, path) {
  const page = await eb.browser.newPage();
  await eb.gotoExtensionUrl(page, extensionUrl(eb, path));
  return page;
}

/**
 * @param {ExtensionBrowser} eb
 * @returns {boolean}
 */
export function isServiceWorkerRunning(eb) {
  return eb.browser
    .targets()
    .some(
      (t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(`${eb.extensionOrigin}/`),
    );
}

/**
 * Chromium: the running service worker (waits up to `timeout` ms for it).
 * @param {ExtensionBrowser} eb
 * @param {{ timeout?: number }} [options]
 * @returns {Promise<WebWorker>}
 */
export async function serviceWorker(eb, { timeout = 10_000 } = {}) {
  const target = await eb.browser.waitForTarget(
    (t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(`${eb.extensionOrigin}/`),
    { timeout },
  );
  const worker = await target.worker();
  if (!worker) throw new Error("service worker target has no worker");
  return worker;
}

/**
 * Chromium: starts the service worker if it is stopped — by posting a message to it from an
 * extension page, which wakes it without touching runtime.onMessage listeners — and
 * returns it.
 * @param {ExtensionBrowser} eb
 * @param {Page} extensionPage Any page of the extension's origin.
 * @returns {Promise<WebWorker>}
 */
export async function wakeServiceWorker(eb, extensionPage) {
  if (!isServiceWorkerRunning(eb)) {
    await extensionPage.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      registration?.active?.postMessage("e2e-wake");
    });
  }
  return serviceWorker(eb);
}

/**
 * The popup as a user sees it over the tab `over`, so that in the popup
 * `tabs.query({ active: true, currentWindow: true })` returns that tab.
 * - Chromium: the REAL popup (`action.openPopup()` run in the service worker), a page of
 *   its own. Opening a new one closes `previous`.
 * - Firefox: the panel is out of WebDriver's reach, so the popup page is loaded in a tab and
 *   `over` is brought back to the front; the background tab still takes clicks and typing.
 *   Without `over`, the popup tab itself is the active tab.
 * @param {ExtensionBrowser} eb
 * @param {{ over?: Page, extensionPage: () => Promise<Page>, previous?: Page }} options
 * @returns {Promise<Page>}
 */
export async function openPopup(eb, { over, extensionPage, previous }) {
  const path = extensionPagePaths(eb).popup;
  if (eb.name === "firefox") {
    const page = await openExtensionPage(eb, path);
    await over?.bringToFront();
    return page;
  }
  if (previous && !previous.isClosed()) await previous.close();
  await over?.bringToFront();
  const before = new Set(eb.browser.targets());
  const worker = await wakeServiceWorker(eb, await extensionPage());
  await worker.evaluate("chrome.action.openPopup()");
  const url = extensionUrl(eb, path);
  const target = await eb.browser.waitForTarget((t) => !before.has(t) && t.url() === url, {
    timeout: 10_000,
  });
  const page = await target.asPage();
  await page.waitForFunction(() => document.readyState === "complete");
  return page;
}
