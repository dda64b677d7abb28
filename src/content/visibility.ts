// Is a field really shown to the user? We only ever type secrets into fields the user can see,
// so a page (or an injected script) cannot harvest them through an invisible form (refusals
// proven by test/fixtures/login/hidden-*.html, overlay.html and test/fixtures/hostile/).
import { openShadowRoots, type Root } from "./dom";
import { styleHidden } from "./visibility-style";

export { styleHidden };

// Smaller than this is no field a person can read or click (test/fixtures/login/hidden-tiny.html).
const MIN_SIZE = 8;

/**
 * Full check with real layout: not hidden by style, at least MIN_SIZE px in both directions,
 * centre inside the viewport, and the topmost element at that centre is the field itself (or
 * inside it) — so a transparent overlay or a clip leaves it "covered". Happy-dom has no layout,
 * so unit tests inject a style-only stand-in and stub geometry here (test/unit/visibility.test.ts).
 */
export function isVisible(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view || !el.isConnected || styleHidden(el)) return false;
  const r = el.getBoundingClientRect();
  if (r.width < MIN_SIZE || r.height < MIN_SIZE) return false;
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  // Off-screen fields are refused: elementFromPoint cannot vouch for a point outside the viewport.
  if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return false;
  // Asking the field's own root keeps the answer inside its shadow tree instead of the host.
  const hit = (el.getRootNode() as Root).elementFromPoint?.(x, y);
  return !!hit && (hit === el || el.contains(hit));
}

// Where a field must be on top, as fractions of its box: the centre, and a point inset from each
// corner (far enough in to stay inside rounded corners, even a round field's).
const PROBES = [
  [0.5, 0.5],
  [0.2, 0.2],
  [0.8, 0.2],
  [0.2, 0.8],
  [0.8, 0.8],
] as const;

// Important declarations in the first cascade layer beat every other important rule of the
// page's stylesheets, whatever their specificity or layer; an anonymous layer cannot be reopened
// by the page. Pseudo-elements and the ::backdrop of the top layer can cover a field too.
// `interactivity: inert` is a newer way to drop an element from hit testing.
const TAKE_POINTER_EVENTS =
  "@layer{*,*::before,*::after,*::backdrop{pointer-events:auto!important;interactivity:auto!important}}";

/** Undoes, in reverse order, what was done to the page for one check. */
type Undo = () => void;

/** Makes every element of `root` answer hit tests for the duration of one check. */
function takePointerEvents(root: Document | ShadowRoot, doc: Document, undo: Undo[]): void {
  const style = doc.createElement("style");
  style.textContent = TAKE_POINTER_EVENTS;
  // First in tree order, so that our anonymous layer is the first one declared.
  (root === doc ? doc.documentElement : root).prepend(style);
  undo.push(() => style.remove());
  // An important inline declaration beats any stylesheet: override it in place.
  for (const el of root.querySelectorAll<HTMLElement>("[style]")) {
    if (el.style?.getPropertyPriority("pointer-events") !== "important") continue;
    const attr = el.getAttribute("style") ?? "";
    el.style.setProperty("pointer-events", "auto", "important");
    undo.push(() => el.setAttribute("style", attr));
  }
  // Inert elements are skipped by hit testing, whatever their pointer-events.
  for (const el of root.querySelectorAll("[inert]")) {
    const value = el.getAttribute("inert") ?? "";
    el.removeAttribute("inert");
    undo.push(() => el.setAttribute("inert", value));
  }
}

/**
 * isVisible for every element, plus: nothing covers any of them at its centre or near its
 * corners, not even an element hit testing skips (`pointer-events: none`, in a stylesheet of any
 * specificity or layer, inline `!important`, on a pseudo-element; `inert`). For the duration of
 * one check every element takes pointer events, then the page is put back synchronously. It
 * costs one style recalculation of the page: call it once per fill, with all the fields
 * (test/fixtures/hostile/opaque-cover.html, cover-*.html).
 */
export function allVisibleStrict(els: readonly Element[]): boolean {
  if (!els.every(isVisible)) return false;
  const doc = els[0]?.ownerDocument;
  if (!doc) return true;
  // Every open shadow tree too: a cover may live in any web component, not only the fields' own.
  const roots: Root[] = [doc, ...openShadowRoots(doc)];
  const undo: Undo[] = [];
  try {
    for (const r of roots) takePointerEvents(r, doc, undo);
    return els.every((el) => {
      const r = el.getBoundingClientRect();
      const root = el.getRootNode() as Root;
      return PROBES.every(([fx, fy]) => {
        const hit = root.elementFromPoint?.(r.left + r.width * fx, r.top + r.height * fy);
        return !!hit && (hit === el || el.contains(hit));
      });
    });
  } finally {
    for (const u of undo.reverse()) u();
  }
}

/** A text field we may type into: editable as well as visible. */
export function isEditable(el: HTMLInputElement): boolean {
  // :disabled also covers a disabled <fieldset> around the field.
  return !el.disabled && !el.readOnly && !el.matches(":disabled");
}

/** isVisible and isEditable, with real layout. */
export function isFillable(el: HTMLInputElement): boolean {
  return isVisible(el) && isEditable(el);
}
