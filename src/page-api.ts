// The extension API for code that extension pages share (messaging, i18n, our origin): only
// `runtime` and `i18n`, taken from the browser's own promise-based API (src/native-api.ts, as
// the content script does), so the popup loads without webextension-polyfill. The background
// and the options page's bookmarks code keep the polyfill (src/browser.ts).
import type { Browser } from "webextension-polyfill";
import { nativeApi } from "./native-api";

export type PageApi = Pick<Browser, "runtime" | "i18n">;

/** Always there in an extension page (and in unit tests, which provide it). */
export const pageApi = nativeApi<PageApi>() as PageApi;
