// Hit testing (elementFromPoint) skips elements with `pointer-events: none` and inert ones, so an
// opaque cover can hide a field while the field still answers at its own coordinates. For the
// duration of one check, every element takes pointer events again; then the page is put back.
// Proven by test/fixtures/hostile/opaque-cover.html and cover-*.html.
import type { Root } from "./dom";

const RULE =
  "*,*::before,*::after,*::backdrop{pointer-events:auto!important;interactivity:auto!important}";
// Important declarations in the first cascade layer beat every other important rule of the
// page's stylesheets, whatever their specificity or layer, and an anonymous layer cannot be
// reopened by the page. But a layer makes the browser rebuild far more style (the fill latency
// bench more than doubled on a 5,000-element page), so it is used only when a plain important
// rule could lose: a stylesheet of the page declares one of these properties important, or
// cannot be read (cross-origin).
const LAYERED = `@layer{${RULE}}`;
const PROPERTIES = ["pointer-events", "interactivity"];

type Rules = { readonly length: number; [i: number]: CSSRule };

function declaresImportant(rules: Rules): boolean {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as Partial<CSSStyleRule & CSSGroupingRule & CSSImportRule> | undefined;
    if (!rule) continue;
    const style = rule.style;
    if (style && PROPERTIES.some((p) => style.getPropertyPriority(p) === "important")) return true;
    if (rule.cssRules && declaresImportant(rule.cssRules)) return true;
    if (rule.styleSheet && sheetNeedsLayer(rule.styleSheet)) return true;
  }
  return false;
}

function sheetNeedsLayer(sheet: CSSStyleSheet): boolean {
  try {
    return declaresImportant(sheet.cssRules);
  } catch {
    return true; // unreadable: assume the worst
  }
}

function needsLayer(roots: readonly Root[]): boolean {
  return roots.some((r) =>
    [...r.styleSheets, ...(r.adoptedStyleSheets ?? [])].some(sheetNeedsLayer),
  );
}

/** Lifts pointer-events: none and inert in `roots`; returns what puts the page back. */
export function takePointerEvents(roots: readonly Root[], doc: Document): () => void {
  const undo: (() => void)[] = [];
  const text = needsLayer(roots) ? LAYERED : RULE;
  try {
    for (const root of roots) {
      const style = doc.createElement("style");
      style.textContent = text;
      // First in tree order, so that our anonymous layer is the first one declared.
      (root === doc ? doc.documentElement : root).prepend(style);
      undo.push(() => style.remove());
      // An important inline declaration beats any stylesheet: override it in place.
      for (const el of root.querySelectorAll<HTMLElement>("[style]")) {
        if (!PROPERTIES.some((p) => el.style?.getPropertyPriority(p) === "important")) continue;
        const attr = el.getAttribute("style") ?? "";
        for (const p of PROPERTIES) el.style.setProperty(p, "auto", "important");
        undo.push(() => el.setAttribute("style", attr));
      }
      // Inert elements are skipped by hit testing, whatever their pointer-events.
      for (const el of root.querySelectorAll("[inert]")) {
        const value = el.getAttribute("inert") ?? "";
        el.removeAttribute("inert");
        undo.push(() => el.setAttribute("inert", value));
      }
    }
  } catch (e) {
    for (const u of undo.reverse()) u();
    throw e;
  }
  return () => {
    for (const u of undo.reverse()) u();
  };
}
