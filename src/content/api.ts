// The content script is injected into every IamOffice page load, so it stays tiny: no polyfill.
// Chrome's MV3 `chrome.*` and Firefox's `browser.*`/`chrome.*` return promises. Pick whichever
// really is the extension API: a page element with id="browser" shows up as a named global in
// Chrome's isolated world and must not be mistaken for it.
import type { Browser } from "webextension-polyfill";

type Api = Pick<Browser, "runtime"> & { i18n?: Pick<Browser["i18n"], "getMessage"> };
const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
const isApi = (v: unknown): v is Api =>
  typeof (v as Api | undefined)?.runtime?.sendMessage === "function";

export const api: Api | null = isApi(g.chrome) ? g.chrome : isApi(g.browser) ? g.browser : null;
