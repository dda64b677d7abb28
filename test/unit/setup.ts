// Unit tests get an in-memory `browser.*` (storage, alarms, tabs, runtime…) from
// @webext-core/fake-browser, reset between tests, so modules that import "webextension-polyfill"
// run without a browser.
import { vi, beforeEach } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";

vi.mock("webextension-polyfill", () => ({ default: fakeBrowser }));
// Code shared by extension pages takes the native API (src/page-api.ts): Firefox's `browser`.
(globalThis as { browser?: unknown }).browser = fakeBrowser;

beforeEach(() => {
  fakeBrowser.reset();
});
