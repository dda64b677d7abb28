// What a web page (the demo or a login fixture) shows and received, read the way the page's
// own scripts could: field values through open shadow roots, the fixture's own expectations
// (`data-expect`, `<meta name="expect">`), its submit hook, its HTML, the messages posted to it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ElementHandle, Frame, Page } from "puppeteer-core";
import { eventually } from "./flows";

export interface Credentials {
  workspace: string;
  identifier: string;
  password: string;
}

const FIXTURE_DIR = join(process.cwd(), "test/fixtures/login");

/** A login fixture's `<meta name=…>` content (test/fixtures/login/<name>.html). */
export function fixtureMeta(name: string, meta = "expect"): string | undefined {
  const html = readFileSync(join(FIXTURE_DIR, `${name}.html`), "utf8");
  return new RegExp(`<meta name="${meta}" content="([^"]*)"`).exec(html)?.[1];
}

/** The values of the fields a fixture marks `data-expect=workspace|identifier|password`. */
export function expectedFieldValues(page: Page | Frame): Promise<Partial<Credentials>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll("*")) {
        const role = el.getAttribute("data-expect");
        if (role && role !== "submit" && el instanceof HTMLInputElement) out[role] = el.value;
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });
}

/** Waits until the marked fields show `want` (or times out); returns what they show. */
export function expectedFieldValuesEventually(
  page: Page | Frame,
  want: Credentials,
  { timeout = 10_000 }: { timeout?: number } = {},
): Promise<Partial<Credentials>> {
  return eventually(
    () => expectedFieldValues(page),
    (v) =>
      v.workspace === want.workspace &&
      v.identifier === want.identifier &&
      v.password === want.password,
    { timeout },
  );
}

/** Every input of the page (through open shadow roots) with its current value. */
export function allInputValues(
  page: Page | Frame,
): Promise<{ field: string; value: string; role: string | null }[]> {
  return page.evaluate(() => {
    const out: { field: string; value: string; role: string | null }[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll("*")) {
        if (el instanceof HTMLInputElement) {
          out.push({
            field: el.id || el.name || el.placeholder || el.type,
            value: el.value,
            role: el.getAttribute("data-expect"),
          });
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });
}

/**
 * Clicks the fixture's `data-expect="submit"` control as a user: waits (like a user would)
 * until it is enabled, then a real click at its centre.
 */
export async function clickFixtureSubmit(page: Page, { timeout = 5000 } = {}): Promise<void> {
  const find = async (): Promise<ElementHandle<Element> | null> => {
    const handle = await page.evaluateHandle(() => {
      const walk = (root: Document | ShadowRoot): Element | null => {
        for (const el of root.querySelectorAll("*")) {
          if (el.getAttribute("data-expect") === "submit") return el;
          const inner = el.shadowRoot ? walk(el.shadowRoot) : null;
          if (inner) return inner;
        }
        return null;
      };
      return walk(document);
    });
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (!element) await handle.dispose();
    return element;
  };
  const enabled = await eventually(
    async () => {
      const element = await find();
      if (!element) return false;
      const ok = await element.evaluate((el) => !(el as HTMLButtonElement).disabled);
      await element.dispose();
      return ok;
    },
    (ok) => ok,
    { timeout },
  );
  if (!enabled) throw new Error("the fixture's submit control never showed up enabled");
  const element = await find();
  if (!element) throw new Error("no data-expect=submit control");
  await element.click();
  await element.dispose();
}

/** What the page's own submit handler received (`window.__submitted`), or null. */
export function submitted(page: Page | Frame): Promise<Credentials | null> {
  return page.evaluate(
    () => (window as unknown as { __submitted?: Credentials | null }).__submitted ?? null,
  );
}

/** Waits for the page's submit handler to have run; returns what it received. */
export function submittedEventually(page: Page | Frame): Promise<Credentials | null> {
  return eventually(
    () => submitted(page),
    (s) => s !== null,
    { timeout: 5000 },
  );
}

/** The forms `text` takes in HTML source: as is, and escaped as text or in an attribute. */
function inHtml(text: string): string[] {
  const escaped = text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\u00a0/g, "&nbsp;");
  return [...new Set([text, escaped, escaped.replace(/&quot;/g, '"')])];
}

/**
 * Whether `text` shows anywhere in the page's markup: `document.documentElement.outerHTML`
 * (attributes included) and every open shadow root's innerHTML. A field's value property is
 * not markup, so a correctly filled password field does not count.
 */
export async function markupContains(page: Page | Frame, text: string): Promise<boolean> {
  const markup = await page.evaluate(() => {
    const parts = [document.documentElement.outerHTML];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot) {
          parts.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    return parts.join("\n");
  });
  return inHtml(text).some((form) => markup.includes(form));
}

/**
 * Installs (before any page script) a recorder of every `message` event the page receives,
 * so a test can prove nothing posted a secret to the page. Returns a remover.
 */
export async function recordPageMessages(page: Page): Promise<() => Promise<void>> {
  const { identifier } = await page.evaluateOnNewDocument(() => {
    const log: string[] = [];
    Object.defineProperty(window, "__e2eMessages", { value: log });
    window.addEventListener(
      "message",
      (event) => {
        try {
          log.push(typeof event.data === "string" ? event.data : JSON.stringify(event.data));
        } catch {
          log.push(String(event.data));
        }
      },
      true,
    );
  });
  return () => page.removeScriptToEvaluateOnNewDocument(identifier);
}

/** The messages recorded by recordPageMessages in the current document. */
export function pageMessages(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => [
    ...((window as unknown as { __e2eMessages?: string[] }).__e2eMessages ?? []),
  ]);
}
