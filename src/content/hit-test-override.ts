// Hit testing (elementFromPoint) skips elements with `pointer-events: none` and inert ones, so an
// opaque cover can hide a field while the field still answers at its own coordinates. For the
// duration of one check, every element that may have lost its pointer events takes them again;
// then the page is put back. Proven by test/fixtures/hostile/opaque-cover.html and cover-*.html.
//
// Which elements: those matched by the page's own rules that set `pointer-events` or
// `interactivity` (the only ways to lose them, with inline styles, SVG's attribute and `inert`),
// plus their descendants, which inherit the value; an inline declaration and SVG's attribute
// are overridden on the element itself. Overriding only those spares the browser a
// style recalculation of the whole page (≈ 10–20 ms each way on a 5,000-element page, where a
// plain hit test costs ≈ 2 ms: bench/README.md). Where the rules cannot be read exactly, every
// element is overridden, as before: a stylesheet we cannot read (cross-origin), a nested or
// `@scope` rule (its selector is relative), a keyframe, or a script animation or transition
// that sets either property.
import type { Root } from "./dom";

const PROPERTIES = ["pointer-events", "interactivity"];
const LIFT = "{pointer-events:auto!important;interactivity:auto!important}";
const EVERY = "*,*::before,*::after,*::backdrop";
// Inline styles and SVG's presentation attribute: always lifted, in place (a stylesheet rule
// matching them by attribute would make the browser restyle the whole page).
const INLINE = "[style],[pointer-events]";
// Grouping rules whose inner selectors are absolute: anything else nests relative selectors.
const PLAIN_GROUP = /CSS(Media|Supports|Container|LayerBlock|StartingStyle)Rule/;

type Rules = { readonly length: number; [i: number]: CSSRule };

interface Found {
  selectors: string[];
  /** The rules cannot be read exactly: override every element. */
  every: boolean;
  /** A rule declares one of the properties important, or may (unreadable). */
  important: boolean;
}

function scan(rules: Rules, found: Found, relative = false): void {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as Partial<CSSStyleRule & CSSGroupingRule & CSSImportRule> | undefined;
    if (!rule) continue;
    const style = rule.style;
    if (style && PROPERTIES.some((p) => style.getPropertyValue(p) !== "")) {
      if (PROPERTIES.some((p) => style.getPropertyPriority(p) === "important")) {
        found.important = true;
      }
      if (relative || !rule.selectorText) found.every = true;
      else found.selectors.push(rule.selectorText);
    }
    if (rule.cssRules) {
      const plain = PLAIN_GROUP.test(rule.constructor.name);
      scan(rule.cssRules, found, relative || !plain);
    }
    if (rule.styleSheet) read(rule.styleSheet, found);
  }
}

function read(sheet: CSSStyleSheet, found: Found): void {
  try {
    scan(sheet.cssRules, found);
  } catch {
    found.every = found.important = true; // unreadable: assume the worst
  }
}

/** Does a running animation or transition set either property (Element.animate, CSS)? */
function animated(root: Root): boolean {
  return !!root
    .getAnimations?.()
    .some((a) =>
      (a.effect as KeyframeEffect | null)
        ?.getKeyframes()
        .some((k) => "pointerEvents" in k || "interactivity" in k),
    );
}

/** The style text that lifts what `root`'s rules may have taken away ("" when nothing). */
function liftFor(root: Root): string {
  const found: Found = { selectors: [], every: false, important: false };
  for (const sheet of [...root.styleSheets, ...(root.adoptedStyleSheets ?? [])]) read(sheet, found);
  if (animated(root)) found.every = true;
  const selectors = found.every ? EVERY : found.selectors.join();
  if (!selectors) return "";
  const text = selectors + LIFT;
  // Important declarations in the first cascade layer beat every other important rule of the
  // page's stylesheets, whatever their specificity or layer, and an anonymous layer cannot be
  // reopened by the page. But a layer makes the browser rebuild more style, so it is used only
  // when a plain important rule could lose.
  return found.important ? `@layer{${text}}` : text;
}

/** Lifts pointer-events: none and inert in `roots`; returns what puts the page back. */
export function takePointerEvents(roots: readonly Root[], doc: Document): () => void {
  const undo: (() => void)[] = [];
  try {
    for (const root of roots) {
      const text = liftFor(root);
      if (text) {
        const style = doc.createElement("style");
        style.textContent = text;
        // First in tree order, so that our anonymous layer is the first one declared.
        (root === doc ? doc.documentElement : root).prepend(style);
        undo.push(() => style.remove());
      }
      // An inline declaration or SVG's attribute: overridden in place (an important inline
      // declaration beats any stylesheet anyway).
      for (const el of root.querySelectorAll<HTMLElement>(INLINE)) {
        const style = el.style as CSSStyleDeclaration | undefined;
        const set = style && PROPERTIES.some((p) => style.getPropertyValue(p) !== "");
        if (!style || (!set && !el.hasAttribute("pointer-events"))) continue;
        const attr = el.getAttribute("style");
        for (const p of PROPERTIES) el.style.setProperty(p, "auto", "important");
        undo.push(() =>
          attr === null ? el.removeAttribute("style") : el.setAttribute("style", attr),
        );
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
