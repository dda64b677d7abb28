// Firefox ESR with the extension, for the E2E harness and `npm start` (via browsers.mjs).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import {
  GECKO_ID,
  closer,
  defaultExecutable,
  defaultExtensionPath,
  snapshotExtension,
  sleep,
} from "./browser-process.mjs";

/**
 * @typedef {import("./browsers.mjs").LaunchOptions} LaunchOptions
 * @typedef {import("./browsers.mjs").ExtensionBrowser} ExtensionBrowser
 * @typedef {import("puppeteer-core").Page} Page
 */

/**
 * Firefox ESR over WebDriver BiDi. The extension is installed as a temporary add-on with
 * `browser.installExtension` (BiDi webExtension.install). Its moz-extension UUID is fixed in
 * advance through the `extensions.webextensions.uuids` pref so that we know its origin.
 * Host permissions: since Firefox 127 an MV3 extension's `host_permissions` are granted at
 * install time (bug 1889402), temporary installs included — no pref or prompt needed; the
 * harness still checks it (see harness.ts) so a regression cannot hide.
 * @param {LaunchOptions} options
 * @returns {Promise<ExtensionBrowser>}
 */
export async function launchFirefox(options) {
  const started = Date.now();
  const headless = options.headless ?? true;
  const profileDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), "iamoffice-e2e-firefox-"));
  const extensionPath =
    options.extensionPath === undefined ? defaultExtensionPath("firefox") : options.extensionPath;
  const extension = extensionPath ? snapshotExtension(extensionPath, profileDir) : null;
  const uuid = options.userDataDir ? profileUuid(profileDir) : crypto.randomUUID();
  // A temporary add-on is uninstalled at every shutdown, which normally wipes its storage and
  // forgets its UUID (= its origin, under which storage.local lives). A reused profile must
  // come back as the same installed extension with its data, as a permanent install would.
  const keep = options.userDataDir
    ? {
        "extensions.webextensions.keepStorageOnUninstall": true,
        "extensions.webextensions.keepUuidOnUninstall": true,
      }
    : {};
  const proxy = options.proxyPort
    ? {
        "network.proxy.type": 1,
        "network.proxy.http": "127.0.0.1",
        "network.proxy.http_port": options.proxyPort,
        "network.proxy.ssl": "127.0.0.1",
        "network.proxy.ssl_port": options.proxyPort,
        "network.proxy.allow_hijacking_localhost": true,
        "network.proxy.no_proxies_on": "",
        // HTTPS-First would turn http://soft.iamoffice.net/ into https: behind our back.
        "dom.security.https_first": false,
        "dom.security.https_first_schemeless": false,
        "dom.security.https_first_pbm": false,
        "network.trr.mode": 5,
      }
    : {};
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: options.executablePath ?? defaultExecutable("firefox"),
    headless,
    ...(options.slowMo ? { slowMo: options.slowMo } : {}),
    userDataDir: profileDir,
    defaultViewport: headless ? { width: 1280, height: 800 } : null,
    acceptInsecureCerts: Boolean(options.proxyPort),
    // Firefox 153 only lets WebDriver navigate to moz-extension:// with system access.
    args: ["--remote-allow-system-access", ...(headless ? [] : ["--width=1280", "--height=900"])],
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: uuid }),
      "intl.locale.requested": "en-US",
      "intl.accept_languages": "en-US, en",
      // Plain-text JSON, so manifest.json is a quiet extension page for evalInExtension.
      "devtools.jsonview.enabled": false,
      ...keep,
      ...proxy,
      ...options.firefoxPrefs,
    },
    dumpio: options.dumpio ?? false,
  });
  const { close, kill } = closer(browser, profileDir, {
    keepProfile: options.userDataDir !== undefined,
  });
  try {
    let extensionId = "";
    if (extension) extensionId = await browser.installExtension(extension);
    return {
      name: "firefox",
      browser,
      extensionId,
      extensionOrigin: extensionId ? `moz-extension://${uuid}` : "",
      profileDir,
      launchMs: Date.now() - started,
      gotoExtensionUrl: firefoxGotoExtensionUrl,
      close,
    };
  } catch (error) {
    kill();
    throw error;
  }
}

/**
 * The extension UUID of a reused profile: made once, then read back from the profile itself.
 * @param {string} profileDir
 * @returns {string}
 */
function profileUuid(profileDir) {
  const file = join(profileDir, "iamoffice-e2e-extension-uuid");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const uuid = crypto.randomUUID();
  writeFileSync(file, uuid);
  return uuid;
}

/**
 * Firefox 153 never reports the navigation events puppeteer's `page.goto` waits for when the
 * target is a moz-extension:// page (goto times out although the page loads). So we send
 * BiDi `browsingContext.navigate` with `wait: "none"` through puppeteer's frame object and
 * poll the page until it is there. Afterwards puppeteer's `page.url()` is stale and
 * `page.goto`/`reload` on that tab hang: use extension tabs for extension pages only.
 * @param {Page} page
 * @param {string} url
 * @returns {Promise<void>}
 */
async function firefoxGotoExtensionUrl(page, url) {
  const frame = /** @type {{ browsingContext?: { navigate?: unknown } }} */ (
    /** @type {unknown} */ (page.mainFrame())
  );
  const context = frame.browsingContext;
  const navigate = context?.navigate;
  if (typeof navigate !== "function") {
    throw new Error(
      "puppeteer-core internals changed: BidiFrame.browsingContext.navigate is gone; " +
        "see firefoxGotoExtensionUrl in scripts/lib/browsers.mjs",
    );
  }
  await navigate.call(context, url, "none");
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ready = await page
      .evaluate((want) => location.href === want && document.readyState === "complete", url)
      .catch(() => false);
    if (ready) return;
    await sleep(25);
  }
  throw new Error(`Firefox did not load ${url} within 15 s`);
}
