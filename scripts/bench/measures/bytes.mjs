// Item 1 — injected bytes: the content scripts the built manifest declares, as shipped (raw and
// gzip -9), per browser build; and where the script really runs: every frame of a set of
// pages (IamOffice with a same-origin and a cross-origin child frame, the lookalike hosts,
// http:, an attacker page framing IamOffice) is checked for the content script's marker
// (<html data-iamoffice-login>, see scripts/lib/page-helpers.mjs) after load + 500 ms.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { defaultExtensionPath } from "../../lib/browsers.mjs";
import { EVIL_HOST, IAMOFFICE_HOST, LOOKALIKE_HOSTS } from "../../lib/hosts.mjs";
import { parseJson } from "../../lib/json.mjs";
import { CONTENT_MARKER_ATTRIBUTE, waitForLoadSettled } from "../../lib/page-helpers.mjs";
import { benchUrl } from "../site.mjs";

/**
 * @typedef {import("../session.mjs").BenchBrowser} BenchBrowser
 * @typedef {import("../../lib/browsers.mjs").BrowserName} BrowserName
 */

/**
 * @param {BrowserName} name
 * @returns {{ files: string[], raw: number, gzip: number }}
 */
export function contentScriptBytes(name) {
  const dir = defaultExtensionPath(name);
  /** @type {{ content_scripts?: { js?: string[], css?: string[] }[] }} */
  const manifest = parseJson(readFileSync(join(dir, "manifest.json"), "utf8"));
  const files = (manifest.content_scripts ?? []).flatMap((c) => [
    ...(c.js ?? []),
    ...(c.css ?? []),
  ]);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

// The extension's own pages, and what gives a file away as webextension-polyfill (its load
// check's message) or zxcvbn (our chunk that wraps it, src/ui/password-strength.ts).
const PAGES = ["popup/index.html", "options/index.html"];
const POLYFILL_MARK = "This script should only be loaded in a browser extension";
const ZXCVBN_FILE = "password-strength.js";

/**
 * What opening each extension page loads before its first script runs: the page's module script
 * and every chunk it imports statically (followed through the chunks), and its stylesheets,
 * raw and gzip -9. Chunks imported on demand (`import()`) are listed apart, not counted.
 * @param {BrowserName} name
 * @returns {Record<string, { files: string[], raw: number, gzip: number, onDemand: string[], polyfill: boolean, zxcvbn: boolean }>}
 */
export function pageBytes(name) {
  const dir = defaultExtensionPath(name);
  /** @type {ReturnType<typeof pageBytes>} */
  const out = {};
  for (const page of PAGES) {
    const html = readFileSync(join(dir, page), "utf8");
    /** @type {string[]} */
    const files = [];
    /** @type {Set<string>} */
    const onDemand = new Set();
    /** @param {string} path extension-root path, no leading slash */
    const add = (path) => {
      if (files.includes(path)) return;
      files.push(path);
      if (!path.endsWith(".js")) return;
      const code = readFileSync(join(dir, path), "utf8");
      // An import's specifier, as an extension-root path like `path`'s.
      const resolve = (/** @type {string | undefined} */ spec) =>
        new URL(spec ?? "", `file:///${path}`).pathname.slice(1);
      for (const [, spec] of code.matchAll(/(?:from|import)\s*["'`]([^"'`]+\.js)["'`]/g)) {
        add(resolve(spec));
      }
      for (const [, spec] of code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) {
        const file = resolve(spec);
        onDemand.add(file.endsWith(ZXCVBN_FILE) ? `${file} (zxcvbn)` : file);
      }
    };
    for (const [, ref] of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?([^"]+)"/g)) {
      add(/** @type {string} */ (ref));
    }
    let raw = 0;
    let gzip = 0;
    let polyfill = false;
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
      polyfill ||= bytes.includes(POLYFILL_MARK);
    }
    const zxcvbn = files.some((f) => f.endsWith(ZXCVBN_FILE));
    out[page] = { files, raw, gzip, onDemand: [...onDemand], polyfill, zxcvbn };
  }
  return out;
}

/** Pages visited for the injection count; `expect` = frames that should carry the marker. */
export const INJECTION_PAGES = [
  // The top frame and its same-origin child (IamOffice all the way up); not the evil.test one.
  { url: benchUrl("frames.html"), expect: 2 },
  { url: `http://${IAMOFFICE_HOST}/`, expect: 0 },
  ...Object.values(LOOKALIKE_HOSTS).map((host) => ({ url: `https://${host}/`, expect: 0 })),
  { url: `https://${EVIL_HOST}/frame`, expect: 0 },
];

/**
 * @param {BenchBrowser} b
 * @returns {Promise<{ pages: number, frames: number, injected: number, expected: number, where: string[] }>}
 */
export async function countInjectedFrames(b) {
  const page = await b.tab();
  let frames = 0;
  let injected = 0;
  let expected = 0;
  /** @type {string[]} */
  const where = [];
  for (const { url, expect } of INJECTION_PAGES) {
    expected += expect;
    await page.goto(url, { waitUntil: "load" });
    await waitForLoadSettled(page, 500);
    for (const frame of page.frames()) {
      frames++;
      const marker = await frame
        .evaluate((attr) => document.documentElement.getAttribute(attr), CONTENT_MARKER_ATTRIBUTE)
        .catch(() => null);
      if (marker === null) continue;
      injected++;
      where.push(`${frame === page.mainFrame() ? "top" : "child"} ${frame.url()}`);
    }
  }
  return { pages: INJECTION_PAGES.length, frames, injected, expected, where };
}
