// Types of the globals that puppeteer's evaluate callbacks use in the browser: the extension
// API in an extension page or the service worker, and the hooks our own pages put on `window`.
// Types only: inside a callback, cast `window` (a page) or `globalThis` (a worker) to one of them.

/**
 * @typedef {import("webextension-polyfill").Browser} Browser
 *
 * The extension API: `browser` in Firefox, `chrome` in Chromium (whose MV3 API returns
 * promises too, with the same shape as far as our callbacks go).
 * @typedef {typeof globalThis & { browser?: Browser, chrome?: Browser }} ExtensionGlobal
 * In Chromium-only code: `chrome`.
 * @typedef {typeof globalThis & { chrome: Browser }} ChromiumGlobal
 *
 * The demo IamOffice's hooks (scripts/demo/public/app.js), as far as scripts use them.
 * @typedef {typeof window & {
 *   __submitted: unknown,
 *   __demo: { logout: (reason?: "user" | "idle") => void },
 * }} DemoGlobal
 */

export {};
