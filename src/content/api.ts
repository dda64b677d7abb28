// The content script is injected into every IamOffice page load, so it stays tiny: no polyfill
// (src/native-api.ts picks the browser's own promise-based API).
import type { Browser } from "webextension-polyfill";
import { nativeApi } from "../native-api";

type Api = Pick<Browser, "runtime">;

export const api = nativeApi<Api>();
