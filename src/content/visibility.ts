// Is a field really shown to the user? We only ever type secrets into fields the user can see,
// so a page (or an injected script) cannot harvest them through an invisible form (refusals
// proven by test/fixtures/login/hidden-*.html, overlay.html and test/fixtures/hostile/).
import { openShadowRoots, type Root } from "./dom";
import { takePointerEvents } from "./hit-test-override";
import { styleHidden } from "./visibility-style";

// Smaller than this is no field a person can read or click (test/fixtures/login/hidden-tiny.html).
export const MIN_SIZE = 8;

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
  // Outside the viewport elementFromPoint cannot vouch for a point: refused here. A field below
  // the fold is brought into view first by the fill (reach.ts), then checked here.
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

/**
 * isVisible for every element, plus: nothing covers any of them at its centre or near its
 * corners, not even an element hit testing skips (`pointer-events: none`, in a stylesheet of any
 * specificity or layer, inline `!important`, on a pseudo-element; `inert`). For the duration of
 * one check every element takes pointer events, then the page is put back synchronously. It
 * costs one style recalculation of the page: call it once per fill, with all the fields
 * (test/fixtures/hostile/opaque-cover.html, cover-*.html).
 */
export function allVisibleStrict(els: readonly Element[], reveal?: (el: Element) => void): boolean {
  // `reveal` brings each element into view right before its checks (reach.ts): a login window
  // taller than the viewport is checked one field at a time.
  const shown = (el: Element): boolean => (reveal?.(el), isVisible(el));
  if (!els.every(shown)) return false;
  const doc = els[0]?.ownerDocument;
  if (!doc) return true;
  // Every open shadow tree too: a cover may live in any web component, not only the fields' own.
  const roots: Root[] = [doc, ...openShadowRoots(doc)];
  const putBack = takePointerEvents(roots, doc);
  try {
    return els.every((el) => {
      reveal?.(el);
      const r = el.getBoundingClientRect();
      const root = el.getRootNode() as Root;
      return PROBES.every(([fx, fy]) => {
        const hit = root.elementFromPoint?.(r.left + r.width * fx, r.top + r.height * fy);
        return !!hit && (hit === el || el.contains(hit));
      });
    });
  } finally {
    putBack();
  }
}

/** A text field we may type into: editable as well as visible. */
export function isEditable(el: HTMLInputElement): boolean {
  // :disabled also covers a disabled <fieldset> around the field.
  return !el.disabled && !el.readOnly && !el.matches(":disabled");
}
