// Page helpers that act the way a user reads a page: by visible text and labels, never by ids
// or classes (the real IamOffice markup is unknown, and extension UIs will change). They
// work on puppeteer Pages and Frames in both Chromium (CDP) and Firefox (BiDi).

/**
 * @typedef {import("puppeteer-core").Page} Page
 * @typedef {import("puppeteer-core").Frame} Frame
 * @typedef {import("puppeteer-core").ElementHandle<Element>} ElementHandle
 * @typedef {string | RegExp} TextMatch A string matches the trimmed, whitespace-collapsed
 *   text case-insensitively and exactly; a RegExp is tested against that text.
 * @typedef {{ source: string, flags: string } | { exact: string }} WireMatch
 */

/** The attribute the content script sets today (`data-iamoffice-login` on <html>). */
export const CONTENT_MARKER_ATTRIBUTE = "data-iamoffice-login";

/**
 * The content-script marker of a page or frame, or null when the script did not run there.
 * @param {Page | Frame} target
 * @returns {Promise<string | null>}
 */
export function contentScriptMarker(target) {
  return target.evaluate(
    (attr) => document.documentElement.getAttribute(attr),
    CONTENT_MARKER_ATTRIBUTE,
  );
}

/**
 * Waits until the document has loaded, then `settleMs` more. Content scripts declared with
 * `run_at: document_idle` run at the latest right after `load`, so after this a missing
 * marker means the script really did not run.
 * @param {Page | Frame} target
 * @param {number} [settleMs]
 * @returns {Promise<void>}
 */
export async function waitForLoadSettled(target, settleMs = 500) {
  await target.waitForFunction(() => document.readyState === "complete", { timeout: 15_000 });
  await new Promise((done) => setTimeout(done, settleMs));
}

/**
 * @param {TextMatch} match
 * @returns {WireMatch}
 */
function toWire(match) {
  return typeof match === "string"
    ? { exact: match }
    : { source: match.source, flags: match.flags };
}

/**
 * The form control whose accessible label matches: `<label for>`, a wrapping `<label>`,
 * `aria-label`, `aria-labelledby`, or (last resort) the placeholder. Visible controls only.
 * Searches open shadow roots too. Null when nothing matches.
 * @param {Page | Frame} target
 * @param {TextMatch} label
 * @returns {Promise<ElementHandle | null>}
 */
export async function findByLabel(target, label) {
  const handle = await target.evaluateHandle((wire) => {
    const norm = (/** @type {string | null | undefined} */ s) =>
      (s ?? "").replace(/\s+/g, " ").trim();
    const test = (/** @type {string | null | undefined} */ s) =>
      "exact" in wire
        ? norm(s).toLowerCase() === wire.exact.toLowerCase()
        : new RegExp(wire.source, wire.flags).test(norm(s));
    /** @type {Element[]} */
    const all = [];
    const walk = (/** @type {Document | ShadowRoot} */ root) => {
      for (const el of root.querySelectorAll("*")) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const visible = (/** @type {Element} */ el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const controls = all.filter(
      (el) =>
        (el instanceof HTMLInputElement && el.type !== "hidden") ||
        el instanceof HTMLTextAreaElement ||
        el instanceof HTMLSelectElement,
    );
    const labelText = (/** @type {Element} */ el) => {
      const out = [];
      if ("labels" in el && el.labels) {
        for (const l of /** @type {NodeListOf<HTMLLabelElement>} */ (el.labels))
          out.push(l.textContent);
      }
      out.push(el.getAttribute("aria-label"));
      const by = el.getAttribute("aria-labelledby");
      if (by) {
        const root = el.getRootNode();
        const text = by
          .split(/\s+/)
          .map((id) =>
            root instanceof Document || root instanceof ShadowRoot
              ? root.getElementById(id)?.textContent
              : "",
          )
          .join(" ");
        out.push(text);
      }
      return out;
    };
    const byLabel = controls.find((el) => visible(el) && labelText(el).some(test));
    return (
      byLabel ?? controls.find((el) => visible(el) && test(el.getAttribute("placeholder"))) ?? null
    );
  }, toWire(label));
  const element = handle.asElement();
  if (!element) {
    await handle.dispose();
    return null;
  }
  return /** @type {ElementHandle} */ (element);
}

/**
 * The visible button (or link) whose text, value or aria-label matches; null when none.
 * @param {Page | Frame} target
 * @param {TextMatch} text
 * @param {{ links?: boolean }} [options] Also consider `<a>` elements (default true).
 * @returns {Promise<ElementHandle | null>}
 */
export async function findButton(target, text, { links = true } = {}) {
  const handle = await target.evaluateHandle(
    (wire, withLinks) => {
      const norm = (/** @type {string | null | undefined} */ s) =>
        (s ?? "").replace(/\s+/g, " ").trim();
      const test = (/** @type {string | null | undefined} */ s) =>
        "exact" in wire
          ? norm(s).toLowerCase() === wire.exact.toLowerCase()
          : new RegExp(wire.source, wire.flags).test(norm(s));
      /** @type {Element[]} */
      const all = [];
      const walk = (/** @type {Document | ShadowRoot} */ root) => {
        for (const el of root.querySelectorAll("*")) {
          all.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      const selector = `button, [role=button], input[type=submit], input[type=button]${withLinks ? ", a" : ""}`;
      return (
        all.find((el) => {
          if (!el.matches(selector)) return false;
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) return false;
          const value = el instanceof HTMLInputElement ? el.value : el.textContent;
          return test(value) || test(el.getAttribute("aria-label"));
        }) ?? null
      );
    },
    toWire(text),
    links,
  );
  const element = handle.asElement();
  if (!element) {
    await handle.dispose();
    return null;
  }
  return /** @type {ElementHandle} */ (element);
}

/**
 * Types like a user: focus by click, select what is there, type (trusted key events, so
 * frameworks that listen to `input` see it).
 * @param {ElementHandle} element
 * @param {string} value
 * @returns {Promise<void>}
 */
export async function typeInto(element, value) {
  await element.click();
  await element.evaluate((el) => {
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
  });
  await element.type(value);
}

/**
 * Fills labelled fields in order, e.g. `{ "Espace de travail": "acme", Identifiant: "marie" }`.
 * Throws naming the first label that is missing.
 * @param {Page | Frame} target
 * @param {Record<string, string>} values
 * @returns {Promise<void>}
 */
export async function fillByLabels(target, values) {
  for (const [label, value] of Object.entries(values)) {
    const field = await findByLabel(target, label);
    if (!field) throw new Error(`no visible field labelled "${label}"`);
    await typeInto(field, value);
    await field.dispose();
  }
}

/**
 * Clicks the button with that text; throws when there is none.
 * @param {Page | Frame} target
 * @param {TextMatch} text
 * @returns {Promise<void>}
 */
export async function clickButton(target, text) {
  const button = await findButton(target, text);
  if (!button) throw new Error(`no visible button "${String(text)}"`);
  await button.click();
  await button.dispose();
}

/**
 * The values a labelled form currently shows, e.g. to watch the extension fill it.
 * @param {Page | Frame} target
 * @param {string[]} labels
 * @returns {Promise<Record<string, string | null>>}
 */
export async function valuesByLabels(target, labels) {
  /** @type {Record<string, string | null>} */
  const out = {};
  for (const label of labels) {
    const field = await findByLabel(target, label);
    out[label] = field
      ? await field.evaluate((el) =>
          el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : null,
        )
      : null;
    await field?.dispose();
  }
  return out;
}
