// The one module for browser differences.
import { pageApi as browser } from "./page-api";

interface ChromeLike {
  storage?: { session?: { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } };
}

const chromeApi = (globalThis as unknown as { chrome?: ChromeLike }).chrome;

/** Firefox's notifications have no buttons (nor `requireInteraction`); Chrome's do. */
export const notificationButtons = !(
  typeof navigator !== "undefined" && /Firefox\//.test(navigator.userAgent)
);

/**
 * Keep storage.session away from content scripts. Chrome's default is already
 * TRUSTED_CONTEXTS; we set it explicitly so a future default change cannot expose the key.
 * Firefox has no setAccessLevel: its storage.session is never exposed to content scripts.
 */
export async function restrictSessionStorage(): Promise<void> {
  const set = chromeApi?.storage?.session?.setAccessLevel;
  if (typeof set === "function") {
    await set.call(chromeApi?.storage?.session, { accessLevel: "TRUSTED_CONTEXTS" });
  }
}

/** Our own origin, e.g. `chrome-extension://<id>` or `moz-extension://<uuid>`. */
export function extensionOrigin(): string {
  return browser.runtime.getURL("").replace(/\/$/, "");
}
