// Launches Debian's Chromium or Firefox ESR with the built extension loaded, pointed at the
// local proxy (see proxy.mjs), in a throw-away profile. Shared by the E2E harness
// (test/e2e/harness.ts) and `npm start` (scripts/start.mjs).
import { launchChromium } from "./chromium.mjs";
import { launchFirefox } from "./firefox.mjs";

export {
  GECKO_ID,
  defaultExecutable,
  defaultExtensionPath,
  extensionSnapshotPath,
} from "./browser-process.mjs";

/**
 * @typedef {"chromium" | "firefox"} BrowserName
 * @typedef {import("puppeteer-core").Browser} Browser
 * @typedef {import("puppeteer-core").Page} Page
 *
 * @typedef {object} LaunchOptions
 * @property {BrowserName} browser
 * @property {number} [proxyPort] Local proxy to route every request through; omitted = the
 *   real network (`npm start -- --real`).
 * @property {string | null} [extensionPath] Unpacked extension; defaults to dist/chrome or
 *   dist/firefox; `null` = no extension.
 * @property {boolean} [headless] Default true.
 * @property {number} [slowMo] Milliseconds between puppeteer actions (to watch a test).
 * @property {string} [executablePath] Defaults to /usr/bin/chromium or /usr/bin/firefox-esr
 *   (env CHROMIUM_PATH / FIREFOX_PATH override).
 * @property {Record<string, string | number | boolean>} [firefoxPrefs] Extra Firefox prefs.
 * @property {string[]} [chromiumArgs] Extra Chromium switches.
 * @property {boolean} [dumpio] Pipe the browser's stdout/stderr to ours.
 * @property {string} [userDataDir] Use this profile directory instead of a fresh temporary
 *   one, and leave it in place on close(): a second launch with the same directory is the same
 *   browser profile restarted (relaunch tests). The caller deletes it. Firefox: the extension
 *   keeps its moz-extension UUID (saved in the directory) and its storage across launches,
 *   although the temporary add-on is uninstalled at each shutdown (see firefox.mjs).
 *
 * @typedef {object} ExtensionBrowser
 * @property {BrowserName} name
 * @property {Browser} browser
 * @property {string} extensionId Chromium: the generated id; Firefox: the gecko id.
 * @property {string} extensionOrigin `chrome-extension://<id>` or `moz-extension://<uuid>`.
 * @property {string} profileDir The profile: temporary and deleted by close(), unless it was
 *   given as `userDataDir`.
 * @property {number} launchMs Time from spawn to extension ready.
 * @property {(page: Page, url: string) => Promise<void>} gotoExtensionUrl Navigates `page` to
 *   an extension URL (Firefox needs a workaround, see below).
 * @property {() => Promise<void>} close Closes the browser (kills it if it hangs) and
 *   deletes the profile. Safe to call twice.
 */

/**
 * @param {LaunchOptions} options
 * @returns {Promise<ExtensionBrowser>}
 */
export async function launchBrowser(options) {
  return options.browser === "firefox" ? launchFirefox(options) : launchChromium(options);
}
