// The extension API without webextension-polyfill, for the code that loads on every page
// (content script) or on every popup opening (the pages' shared code): both browsers' native
// MV3 APIs return promises. Chromium's `chrome` is tried first: in a content script's isolated
// world, a page element with id="browser" shows up as a named global and must not be mistaken
// for the API. Firefox has the real API under both names.
export function nativeApi<T>(): T | null {
  const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
  const isApi = (v: unknown): boolean =>
    typeof (v as { runtime?: { sendMessage?: unknown } } | undefined)?.runtime?.sendMessage ===
    "function";
  if (isApi(g.chrome)) return g.chrome as T;
  return isApi(g.browser) ? (g.browser as T) : null;
}
