// The content script is injected into every IamOffice page load, so it stays tiny: no polyfill.
// Firefox exposes promise-based `browser`; Chrome's MV3 `chrome.runtime.sendMessage` returns a
// promise too. Both share the polyfill's types for the few calls made here.
import type { Browser } from "webextension-polyfill";

type Api = Pick<Browser, "runtime">;
const g = globalThis as unknown as { browser?: Api; chrome?: Api };

export const api: Api = (g.browser ?? g.chrome) as Api;
