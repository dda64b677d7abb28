// Chromium only: run code in OUR content script's isolated world of a page, over CDP. Chromium
// reports each extension content-script world as an execution context whose origin is the
// extension's; puppeteer has no public handle on it, so we use a raw CDP session. Firefox's
// content-script sandboxes are not exposed through WebDriver BiDi.
import type { Page } from "puppeteer-core";

interface ContextCreated {
  context: { id: number; origin: string; name: string; auxData?: { type?: string } };
}

/** What `chrome.storage.session.get(null)` gives our content script in `page`. */
export interface ContentSessionProbe {
  /** chrome.runtime.id in that world: proves it is our content script's world. */
  runtimeId: string | null;
  /** "absent" (no storage.session), "error" (refused) or "value" (answered). */
  kind: "absent" | "error" | "value";
  /** Keys it got back (empty unless it answered with data). */
  keys: string[];
  message?: string;
}

export async function contentScriptStorageSession(
  page: Page,
  extensionOrigin: string,
): Promise<ContentSessionProbe> {
  const cdp = await page.createCDPSession();
  try {
    const contexts: ContextCreated["context"][] = [];
    cdp.on("Runtime.executionContextCreated", (event: ContextCreated) => {
      contexts.push(event.context);
    });
    // Enabling replays executionContextCreated for every existing context.
    await cdp.send("Runtime.enable");
    await new Promise((done) => setTimeout(done, 200));
    const ours = contexts.find(
      (c) => c.origin === extensionOrigin && c.auxData?.type === "isolated",
    );
    if (!ours) {
      throw new Error(
        `no content-script world of ${extensionOrigin} in the page; contexts: ${JSON.stringify(contexts)}`,
      );
    }
    const expression = `(async () => {
      const runtimeId = (globalThis.chrome && chrome.runtime && chrome.runtime.id) || null;
      try {
        const s = globalThis.chrome && chrome.storage && chrome.storage.session;
        if (!s) return { runtimeId, kind: "absent", keys: [] };
        const v = await s.get(null);
        return { runtimeId, kind: "value", keys: Object.keys(v || {}) };
      } catch (e) {
        return { runtimeId, kind: "error", keys: [], message: String((e && e.message) || e) };
      }
    })()`;
    const r = (await cdp.send("Runtime.evaluate", {
      expression,
      contextId: ours.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: ContentSessionProbe }; exceptionDetails?: unknown };
    if (!r.result.value) throw new Error(`evaluation failed: ${JSON.stringify(r)}`);
    return r.result.value;
  } finally {
    await cdp.detach();
  }
}
