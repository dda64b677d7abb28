// Is a field really shown to the user? We only ever type secrets into fields the user can see,
// so a page (or an injected script) cannot harvest them through an invisible form (refusals
// proven by test/fixtures/login/hidden-*.html, overlay.html and test/fixtures/hostile/).
import type { Root } from "./dom";
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

/**
 * isVisible for every element, plus: no element with `pointer-events: none` covers any of them.
 * Hit testing skips such elements, so for the duration of one check every element takes
 * pointer events (a temporary style in the document and in the fields' shadow roots, removed
 * synchronously). It costs a style recalculation of the page: call it once per fill, with all
 * the fields (test/fixtures/hostile/opaque-cover.html).
 */
export function allVisibleStrict(els: readonly Element[]): boolean {
  if (!els.every(isVisible)) return false;
  const doc = els[0]?.ownerDocument;
  if (!doc) return true;
  const roots = new Set<Document | ShadowRoot>([doc]);
  for (const el of els) roots.add(el.getRootNode() as Root);
  const styles: Element[] = [];
  for (const r of roots) {
    const style = doc.createElement("style");
    style.textContent = "*{pointer-events:auto!important}";
    (r === doc ? doc.documentElement : r).appendChild(style);
    styles.push(style);
  }
  try {
    return els.every((el) => {
      const r = el.getBoundingClientRect();
      const hit = (el.getRootNode() as Root).elementFromPoint?.(
        r.left + r.width / 2,
        r.top + r.height / 2,
      );
      return !!hit && (hit === el || el.contains(hit));
    });
  } finally {
    for (const s of styles) s.remove();
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
