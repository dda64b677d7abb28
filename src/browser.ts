// Extension pages and the background use the polyfill (promise-based `browser.*` everywhere).
import browser from "webextension-polyfill";

export default browser;
export type { Browser, Runtime, Tabs } from "webextension-polyfill";
