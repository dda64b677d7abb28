// Set-up and observation helpers shared by the adversarial suite (test/e2e/adversarial-*.ts).
// Seeding goes through the real protocol from an extension page (the same messages the options
// page sends), which is fast and independent of the options UI; the tests then act on the pages
// a user sees. No helper here trusts the extension: each reads what storage or the page holds.
import { readFileSync } from "node:fs";
import type { Frame, Page } from "puppeteer-core";
import type { Harness } from "./harness";

const CATALOGUE = JSON.parse(readFileSync("public/_locales/en/messages.json", "utf8")) as Record<
  string,
  { message: string }
>;

/**
 * The English sentence the user reads for a message key (the browsers run in en-US), e.g.
 * en("err_tampered"). Tests name the message, not its wording, which the UI work may refine.
 */
export function en(key: string): string {
  const entry = CATALOGUE[key];
  if (!entry) throw new Error(`no message "${key}" in public/_locales/en/messages.json`);
  return entry.message;
}

export const MASTER = "cheval agrafe batterie correcte 42";

/** Distinctive passwords: a leak is found by searching for them, in every encoding. */
export const ACME = {
  name: "Acme SARL",
  workspace: "demo",
  identifier: "marie.dupont",
  password: "Pw§acme-7f3Kq9-é",
} as const;
export const BETA = {
  name: "Beta SAS",
  workspace: "beta",
  identifier: "paul.martin",
  password: "Pw§beta-2xRz8L-ü",
} as const;

export type EntryInput = { name: string; workspace: string; identifier: string; password: string };
export type Failure = { ok: false; error: string; fields?: Record<string, string> };
type Reply<T> = ({ ok: true } & T) | Failure;

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Polls `probe` until it returns a truthy value (returned) or `timeout` ms pass (throws). */
export async function until<T>(
  what: string,
  probe: () => Promise<T> | T,
  { timeout = 10_000, every = 100 }: { timeout?: number; every?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await sleep(every);
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** Sends one protocol message from an extension page (a trusted sender), as the UIs do. */
export function send<T = unknown>(h: Harness, message: unknown): Promise<T> {
  return h.evalInExtension((browser, m) => browser.runtime.sendMessage(m), message) as Promise<T>;
}

export async function vaultState(h: Harness): Promise<string> {
  return (await send<{ state: string }>(h, { type: "vault.status" })).state;
}

export async function listEntries(h: Harness): Promise<
  Reply<{
    value: { entries: { id: string; name: string; lastUsedAt: number | null }[]; revision: number };
  }>
> {
  return send(h, { type: "entries.list" });
}

/** Creates the vault (or unlocks it) and saves `entries`; returns their ids in order. */
export async function seedVault(
  h: Harness,
  { entries = [ACME] as readonly EntryInput[], master = MASTER } = {},
): Promise<string[]> {
  const state = await vaultState(h);
  if (state === "none") {
    const r = await send<Reply<object>>(h, {
      type: "vault.create",
      payload: { password: master, confirm: master },
    });
    if (!r.ok) throw new Error(`vault.create: ${r.error}`);
  } else if (state === "locked") {
    await unlock(h, master);
  }
  const ids: string[] = [];
  for (const input of entries) {
    const list = await listEntries(h);
    if (!list.ok) throw new Error(`entries.list: ${list.error}`);
    const r = await send<Reply<{ value: { id: string } }>>(h, {
      type: "entries.save",
      payload: { input, revision: list.value.revision },
    });
    if (!r.ok) throw new Error(`entries.save: ${r.error}`);
    ids.push(r.value.id);
  }
  return ids;
}

export async function unlock(h: Harness, master = MASTER): Promise<void> {
  const r = await send<Reply<object>>(h, { type: "vault.unlock", payload: { password: master } });
  if (!r.ok) throw new Error(`vault.unlock: ${r.error}`);
}

export async function lock(h: Harness): Promise<void> {
  await send(h, { type: "vault.lock" });
}

export async function setSettings(h: Harness, patch: Record<string, unknown>): Promise<void> {
  const r = await send<Reply<object>>(h, { type: "settings.set", payload: { patch } });
  if (!r.ok) throw new Error(`settings.set: ${r.error} ${JSON.stringify(r)}`);
}

/** storage.local and storage.session as an extension page reads them. */
export function storageDump(
  h: Harness,
): Promise<{ local: Record<string, unknown>; session: Record<string, unknown> }> {
  return h.evalInExtension(async (browser) => ({
    local: await browser.storage.local.get(null),
    session: await browser.storage.session.get(null),
  }));
}

export function getLocal(h: Harness, key: string): Promise<unknown> {
  return h.evalInExtension(async (browser, k) => (await browser.storage.local.get(k))[k], key);
}

export function setLocal(h: Harness, values: Record<string, unknown>): Promise<void> {
  return h.evalInExtension((browser, v) => browser.storage.local.set(v), values);
}

export function getSession(h: Harness, key: string): Promise<unknown> {
  return h.evalInExtension(async (browser, k) => (await browser.storage.session.get(k))[k], key);
}

/** The toolbar badge text for a tab (or the global one). */
export function badgeText(h: Harness, tabId?: number): Promise<string> {
  return h.evalInExtension(
    (browser, id) => browser.action.getBadgeText(id === null ? {} : { tabId: id }),
    tabId ?? null,
  );
}

/**
 * Every value a user or a page script could read from the page: input values and the markup
 * (attributes included), through open shadow roots and same-origin frames. Frames that throw
 * (cross-origin) are reported by URL so a test can read them through puppeteer instead.
 */
export function pageText(target: Page | Frame): Promise<string> {
  return target.evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      out.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
      for (const el of root.querySelectorAll("*")) {
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
          out.push(el.value);
        }
        if (el.shadowRoot) visit(el.shadowRoot);
        if (el instanceof HTMLIFrameElement) {
          try {
            if (el.contentDocument) visit(el.contentDocument);
          } catch {
            // cross-origin: read through puppeteer's frame instead
          }
        }
      }
    };
    visit(document);
    const w = window as unknown as { __submitted?: unknown };
    out.push(JSON.stringify(w.__submitted ?? null));
    return out.join("\n");
  });
}

/** `pageText` of the page and of every frame in it (cross-origin ones through puppeteer). */
export async function allFramesText(page: Page): Promise<string> {
  const parts: string[] = [];
  for (const frame of page.frames()) {
    parts.push(await pageText(frame).catch(() => ""));
  }
  return parts.join("\n");
}

/** The values of every text/password input of a page or frame (through open shadow roots). */
export function inputValues(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll("*")) {
        if (el instanceof HTMLInputElement && el.type !== "hidden") out.push(el.value);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out;
  });
}

/** The text of an extension page's body (what the user reads), whitespace collapsed. */
export async function bodyText(page: Page): Promise<string> {
  return (await page.evaluate(() => document.body.innerText)).replace(/\s+/g, " ");
}

/** Waits until the extension page shows `text` (string: substring; RegExp: test). */
export function waitForText(page: Page, text: string | RegExp, timeout = 10_000): Promise<string> {
  return until(
    `text ${String(text)}`,
    async () => {
      const body = await bodyText(page).catch(() => "");
      return (typeof text === "string" ? body.includes(text) : text.test(body)) ? body : "";
    },
    { timeout },
  );
}

/** The browser's own numeric id of a tab showing `url` (from an extension page). */
export function tabIdOf(h: Harness, url: string): Promise<number | null> {
  return h.evalInExtension(async (browser, u) => {
    const tabs = await browser.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
}

/**
 * Chromium only: evaluates `expression` (an async function's source, called with no argument)
 * in OUR content script's isolated world of `page`, over CDP, and returns its JSON result.
 * Firefox's content-script sandboxes are out of WebDriver BiDi's reach. (See also
 * content-world.ts, which probes storage.session the same way.)
 */
export async function evalInContentWorld<R>(
  page: Page,
  extensionOrigin: string,
  fn: string,
): Promise<R> {
  const cdp = await page.createCDPSession();
  try {
    type Context = { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } };
    const contexts: Context[] = [];
    cdp.on("Runtime.executionContextCreated", (event: { context: Context }) => {
      contexts.push(event.context);
    });
    await cdp.send("Runtime.enable");
    const ours = await until("our content-script world", () =>
      contexts.find((c) => c.origin === extensionOrigin && c.auxData?.type === "isolated"),
    );
    const r = (await cdp.send("Runtime.evaluate", {
      expression: `(${fn})()`,
      contextId: ours.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: R }; exceptionDetails?: { text?: string } };
    if (r.exceptionDetails) throw new Error(`content world: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value as R;
  } finally {
    await cdp.detach();
  }
}
