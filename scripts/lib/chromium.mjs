// Chromium with the extension, for the E2E harness and `npm start` (via browsers.mjs).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { TargetType } from "puppeteer-core";
import {
  closer,
  defaultExecutable,
  defaultExtensionPath,
  snapshotExtension,
} from "./browser-process.mjs";

/**
 * @typedef {import("./browsers.mjs").LaunchOptions} LaunchOptions
 * @typedef {import("./browsers.mjs").ExtensionBrowser} ExtensionBrowser
 */

/**
 * Chromium: `pipe: true` + `enableExtensions` (puppeteer loads the unpacked extension over
 * CDP), proxy for every host including loopback, certificate errors ignored (our test
 * certificate is self-signed), HTTPS-Upgrades off so `http://soft.iamoffice.net/` really
 * loads over http: (otherwise Chromium silently upgrades it and the test proves nothing).
 * @param {LaunchOptions} options
 * @returns {Promise<ExtensionBrowser>}
 */
export async function launchChromium(options) {
  const started = Date.now();
  const headless = options.headless ?? true;
  const profileDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), "iamoffice-e2e-chromium-"));
  const extensionPath =
    options.extensionPath === undefined ? defaultExtensionPath("chromium") : options.extensionPath;
  const extension = extensionPath ? snapshotExtension(extensionPath, profileDir) : null;
  const args = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--lang=en-US",
    "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable",
    ...(options.proxyPort
      ? [
          `--proxy-server=http://127.0.0.1:${options.proxyPort}`,
          "--proxy-bypass-list=<-loopback>",
          "--ignore-certificate-errors",
        ]
      : []),
    ...(headless ? [] : ["--window-size=1280,900"]),
    ...(options.chromiumArgs ?? []),
  ];
  const browser = await puppeteer.launch({
    executablePath: options.executablePath ?? defaultExecutable("chromium"),
    pipe: true,
    headless,
    ...(options.slowMo ? { slowMo: options.slowMo } : {}),
    ...(extension ? { enableExtensions: [extension] } : {}),
    userDataDir: profileDir,
    defaultViewport: headless ? { width: 1280, height: 800 } : null,
    acceptInsecureCerts: Boolean(options.proxyPort),
    // On Linux the UI language (and so browser.i18n) follows the environment, not --lang.
    env: { ...process.env, LANG: "en_US.UTF-8", LANGUAGE: "en_US:en" },
    args,
    dumpio: options.dumpio ?? false,
  });
  const { close, kill } = closer(browser, profileDir, {
    keepProfile: options.userDataDir !== undefined,
  });
  try {
    let extensionId = "";
    if (extension) {
      const worker = await browser.waitForTarget(
        (t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith("chrome-extension://"),
        { timeout: 20_000 },
      );
      extensionId = new URL(worker.url()).host;
    }
    return {
      name: "chromium",
      browser,
      extensionId,
      extensionOrigin: extensionId ? `chrome-extension://${extensionId}` : "",
      profileDir,
      launchMs: Date.now() - started,
      gotoExtensionUrl: async (page, url) => {
        await page.goto(url, { waitUntil: "load" });
      },
      close,
    };
  } catch (error) {
    kill();
    throw error;
  }
}
