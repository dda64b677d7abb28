// One browser for the bench: Chromium or Firefox, with the built extension or without it
// (same binary, separate profile), pointed at the bench's local web. Wraps the harness's
// plain-JS modules (scripts/lib/) and adds what every measure needs: an extension page to
// send the real protocol messages from, and a web tab.
import { launchBrowser } from "../lib/browsers.mjs";
import { extensionPagePaths, openExtensionPage, openPopup } from "../lib/extension-pages.mjs";

/**
 * @typedef {import("puppeteer-core").Page} Page
 * @typedef {import("../lib/browsers.mjs").BrowserName} BrowserName
 * @typedef {import("../lib/browsers.mjs").ExtensionBrowser} ExtensionBrowser
 * @typedef {import("../lib/page-globals.mjs").ExtensionGlobal} ExtensionGlobal
 * @typedef {import("../lib/page-globals.mjs").Browser} Browser
 *
 * @typedef {object} BenchBrowser
 * @property {BrowserName} name
 * @property {boolean} withExtension
 * @property {ExtensionBrowser} eb
 * @property {string} version Browser product/version string.
 * @property {() => Promise<Page>} scratch An extension-origin page that runs no extension code
 *   (the built manifest.json opened as a page): sends messages, counts them, reads localStorage.
 * @property {(type: string, payload?: unknown) => Promise<unknown>} send
 *   `runtime.sendMessage({type, payload})` from the scratch page: the real protocol, as the
 *   popup and options page send it.
 * @property {() => Promise<Page>} tab The shared web tab (created on first use).
 * @property {(over?: Page) => Promise<Page>} popup The popup over `over` (see extension-pages.mjs).
 * @property {{ popup: string, options: string }} paths
 * @property {() => Promise<void>} close
 */

/**
 * @param {object} options
 * @param {BrowserName} options.name
 * @param {number} options.proxyPort
 * @param {boolean} [options.withExtension] Default true.
 * @param {string} [options.extensionPath] Another build than dist/<browser> (e.g. an older
 *   commit's, to find which change moved a figure, or the cost-probe build).
 * @param {Record<string, string | number | boolean>} [options.firefoxPrefs]
 * @returns {Promise<BenchBrowser>}
 */
export async function openBenchBrowser({
  name,
  proxyPort,
  withExtension = true,
  extensionPath,
  firefoxPrefs,
}) {
  const eb = await launchBrowser({
    browser: name,
    proxyPort,
    headless: true,
    ...(firefoxPrefs ? { firefoxPrefs } : {}),
    ...(withExtension ? (extensionPath ? { extensionPath } : {}) : { extensionPath: null }),
    ...(process.env.BENCH_DEBUG === "1" ? { dumpio: true } : {}),
  });
  const paths = withExtension ? extensionPagePaths(eb) : { popup: "", options: "" };
  if (withExtension) await closeInstallTab(eb, paths.options);
  /** @type {Page | undefined} */
  let scratchPage;
  /** @type {Page | undefined} */
  let tabPage;
  /** @type {Page | undefined} */
  let popupPage;
  const scratch = async () => {
    if (!withExtension) throw new Error("no extension in this browser");
    if (!scratchPage || scratchPage.isClosed()) {
      scratchPage = await openExtensionPage(eb, "manifest.json");
    }
    return scratchPage;
  };
  return {
    name,
    withExtension,
    eb,
    version: await eb.browser.version(),
    scratch,
    paths,
    send: async (type, payload) =>
      (await scratch()).evaluate(
        (t, p) => {
          const g = /** @type {ExtensionGlobal} */ (globalThis);
          const api = /** @type {Browser} */ (g.browser ?? g.chrome);
          return api.runtime.sendMessage({ type: t, payload: p });
        },
        type,
        payload,
      ),
    tab: async () => {
      if (!tabPage || tabPage.isClosed()) tabPage = await eb.browser.newPage();
      return tabPage;
    },
    popup: async (over) =>
      (popupPage = await openPopup(eb, {
        ...(over ? { over } : {}),
        ...(popupPage ? { previous: popupPage } : {}),
        extensionPage: scratch,
      })),
    close: () => eb.close(),
  };
}

/**
 * On install the extension opens its options page (no vault yet). Firefox may open it in the
 * blank tab a bench measure just created — turning that tab into an extension page, on which
 * puppeteer's navigation then hangs — so wait for it first (5 s at most), keep a blank tab so
 * the window stays open, and close the options tab: it would only add work to the measures.
 * @param {ExtensionBrowser} eb
 * @param {string} optionsPath
 */
async function closeInstallTab(eb, optionsPath) {
  const isOptions = async (/** @type {Page} */ p) =>
    p
      .evaluate((path) => location.href.endsWith(`/${path}`), optionsPath)
      .catch(() => p.url().endsWith(`/${optionsPath}`));
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    for (const page of await eb.browser.pages()) {
      if (!(await isOptions(page))) continue;
      await eb.browser.newPage();
      await page.close();
      return;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}
