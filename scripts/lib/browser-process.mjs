// Where the browsers and the built extension are, and how a launched browser is shut down
// for sure: polite close, then SIGKILL, then the temporary profile is deleted — also when
// the process exits early (a crashed test run, Ctrl-C).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * @typedef {import("./browsers.mjs").BrowserName} BrowserName
 * @typedef {import("puppeteer-core").Browser} Browser
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
export const GECKO_ID = "iamoffice-login@iamoffice-login.invalid";

/** @param {BrowserName} name */
export function defaultExtensionPath(name) {
  return join(root, "dist", name === "chromium" ? "chrome" : "firefox");
}

/** @param {BrowserName} name */
export function defaultExecutable(name) {
  return name === "chromium"
    ? (process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")
    : (process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr");
}

// Browsers still alive when the process exits (a crashed test run, Ctrl-C) are killed and
// their profiles removed synchronously: no stray browser may outlive its harness.
/** @type {Set<{ kill: () => void }>} */
const alive = new Set();
process.once("exit", () => {
  for (const entry of alive) entry.kill();
});

/**
 * @param {number} ms
 * @returns {Promise<void>}
 */
export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Resolves with `promise`, or with `fallback` after `ms`.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {T} fallback
 * @returns {Promise<T>}
 */
async function within(promise, ms, fallback) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((done) => (timer = setTimeout(() => done(fallback), ms)));
  try {
    return /** @type {T} */ (await Promise.race([promise, timeout]));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Shared close logic: polite close, then SIGKILL, then profile removal (unless `keepProfile`:
 * a profile the caller chose, see LaunchOptions.userDataDir, is theirs to delete).
 * @param {Browser} browser
 * @param {string} profileDir
 * @param {{ keepProfile?: boolean }} [options]
 * @returns {{ close: () => Promise<void>, kill: () => void }}
 */
export function closer(browser, profileDir, { keepProfile = false } = {}) {
  const removeProfile = () => {
    if (!keepProfile) rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  };
  let done = false;
  const kill = () => {
    if (done) return;
    done = true;
    try {
      browser.process()?.kill("SIGKILL");
    } catch {
      // already gone
    }
    removeProfile();
  };
  const entry = { kill };
  alive.add(entry);
  return {
    kill,
    close: async () => {
      if (done) return;
      await within(
        browser.close().catch(() => undefined),
        10_000,
        undefined,
      );
      const proc = browser.process();
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        proc.kill("SIGKILL");
        await within(new Promise((exited) => proc.once("exit", exited)), 5000, undefined);
      }
      alive.delete(entry);
      done = true;
      removeProfile();
    },
  };
}
