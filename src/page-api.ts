// The extension API for code that extension pages share (messaging, i18n, our origin): only
// `runtime` and `i18n`, which both browsers' native MV3 APIs offer with promises — Firefox as
// `browser`, Chromium as `chrome` — so the popup loads without webextension-polyfill (the
// content script does the same, src/content/api.ts). The background and the options page's
// bookmarks code keep the polyfill (src/browser.ts) for the APIs whose callbacks differ.
import type { Browser } from "webextension-polyfill";

export type PageApi = Pick<Browser, "runtime" | "i18n">;

const g = globalThis as unknown as { browser?: Partial<PageApi>; chrome?: Partial<PageApi> };

/** Firefox's `browser` when it is the real API, else Chromium's `chrome`. */
export const pageApi = (
  typeof g.browser?.runtime?.sendMessage === "function" ? g.browser : g.chrome
) as PageApi;
