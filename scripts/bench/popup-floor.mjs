// The popup's floor: what painting the same 50-entry list costs with no script of ours at all.
// A static copy of the painted popup (its DOM and stylesheets; scripts and module preloads
// removed) is written into the browser's own copy of the extension, as `popup/floor.html`, and
// timed in the same popup window, document start → painted, alternating with the real popup.
// The copy exists only in the profile of that bench browser, never in dist/.
import { writeFileSync } from "node:fs";
import { extensionSnapshotPath } from "../lib/browser-process.mjs";

export const FLOOR_PATH = "popup/floor.html";

/**
 * @param {import("./session.mjs").BenchBrowser} b
 * @param {import("puppeteer-core").Page} popup The real popup, its list drawn.
 */
export async function writeFloorCopy(b, popup) {
  const html = await popup.evaluate(() => `<!doctype html>${document.documentElement.outerHTML}`);
  const stripped = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link rel="modulepreload"[^>]*>/g, "");
  if (!/<link rel="stylesheet"/.test(stripped)) throw new Error("the popup copy has no stylesheet");
  writeFileSync(`${extensionSnapshotPath(b.eb.profileDir)}/${FLOOR_PATH}`, stripped);
}
