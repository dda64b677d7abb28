// Where the browsers and the built extension are, and how a launched browser is shut down
// for sure: polite close, then SIGKILL, then the temporary profile is deleted — also when
// the process exits early (a crashed test run, Ctrl-C).
import { cpSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * @typedef {import("./browsers.mjs").BrowserName} BrowserName
 * @typedef {import("puppeteer-core").Browser} Browser
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
export const GECKO_ID = "iamoffice-login@iamoffice-login.invalid";

/**
 * A copy of the built extension inside the browser's profile, taken at launch: a build while a
 * browser runs (`npm run build` in another terminal, a parallel test run) cannot change the
 * extension under it. The path is stable for a profile, so a relaunch on the same profile is
 * the same extension (Chromium derives an unpacked extension's id from its path).
 * @param {string} extensionPath
 * @param {string} profileDir
 * @returns {string}
 */
export function snapshotExtension(extensionPath, profileDir) {
  const copy = extensionSnapshotPath(profileDir);
  rmSync(copy, { recursive: true, force: true });
  cpSync(extensionPath, copy, { recursive: true });
  return copy;
}

/**
 * Where snapshotExtension puts the extension for a profile (a test seeding a Chromium profile
 * needs it: the extension's id is derived from this path).
 * @param {string} profileDir
 */
export function extensionSnapshotPath(profileDir) {
  return join(profileDir, "iamoffice-extension");
}

/** @param {BrowserName} name */
export function defaultExtensionPath(name) {
  return join(root, "dist", name === "chromium" ? "chrome" : "firefox");
}

/**
 * Debian's browsers, unless CHROMIUM_PATH / FIREFOX_PATH in `env` say otherwise.
 * @param {BrowserName} name
 * @param {Record<string, string | undefined>} [env]
 */
export function defaultExecutable(name, env = process.env) {
  return name === "chromium"
    ? (env.CHROMIUM_PATH ?? "/usr/bin/chromium")
    : (env.FIREFOX_PATH ?? "/usr/bin/firefox-esr");
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
  /** @type {Promise<T>} */
  const timeout = new Promise((done) => (timer = setTimeout(() => done(fallback), ms)));
  try {
    return await Promise.race([promise, timeout]);
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
      if (keepProfile) await profileHandedBack(profileDir);
      removeProfile();
    },
  };
}

/**
 * On a profile it did not create, puppeteer backs up `user.js`/`prefs.js` as `*.puppeteer` at
 * launch and puts them back when the process has exited, asynchronously, after close() may
 * already have returned (at once when the browser was killed). A launch on the same profile
 * before that restore is done races it (ENOENT on the copy). So a kept profile is handed
 * back only once no backup is left.
 * @param {string} profileDir
 */
async function profileHandedBack(profileDir) {
  const backups = ["user.js.puppeteer", "prefs.js.puppeteer"].map((f) => join(profileDir, f));
  const deadline = Date.now() + 10_000;
  while (backups.some((file) => existsSync(file))) {
    if (Date.now() > deadline) {
      throw new Error(`the browser never restored its prefs in ${profileDir} after it exited`);
    }
    await sleep(20);
  }
}
