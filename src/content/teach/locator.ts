// Finds a taught element again on a later load, from a locator (src/field-map.ts) and never a
// value. Generated ids change on every render (the demo's do), so no single property decides:
// each agreeing one adds to a score, and only a clear best match is taken.
import type { Locator } from "../../field-map";
import { MAX_LOCATOR_TEXT } from "../../field-map";
import {
  byComposedOrder,
  controlLabel,
  labelledByText,
  labelsText,
  openShadowRoots,
  queryAll,
} from "../dom";
import type { Root } from "../dom";
import { normalize } from "../words";

const clip = (s: string): string => s.slice(0, MAX_LOCATOR_TEXT);

// localName rather than instanceof: elements may come from another window (a frame, a test's
// own happy-dom window).
const typeOf = (el: Element): string =>
  el.localName === "input" || el.localName === "button" ? (el as HTMLInputElement).type : "";

/** The text naming a field or control as a person reads it; never a field's value. */
export function nameOf(el: Element): string {
  if (el.localName !== "input" || /^(submit|button|image)$/.test(typeOf(el))) {
    return clip(controlLabel(el));
  }
  const by = labelledByText(el);
  const input = el as HTMLInputElement;
  const labels = labelsText(input);
  return clip(normalize(by || el.getAttribute("aria-label") || labels || input.placeholder || ""));
}

/** Elements of the locator's tag and type, in composed order. */
function sameKind(roots: readonly Root[], tag: string, type: string): Element[] {
  return queryAll<Element>(roots, tag)
    .filter((e) => typeOf(e) === type)
    .sort(byComposedOrder);
}

export function locatorOf(el: Element, root: Root, shadowRoots?: readonly ShadowRoot[]): Locator {
  const roots = [root, ...(shadowRoots ?? openShadowRoots(root))];
  const type = typeOf(el);
  return {
    tag: el.localName,
    type,
    id: clip(el.id),
    name: clip(el.getAttribute("name") ?? ""),
    label: nameOf(el),
    index: sameKind(roots, el.localName, type).indexOf(el),
  };
}

// What each agreeing property is worth. A match needs MIN_SCORE (an id alone, or a name or a
// label with anything else) and must beat the runner-up.
const SCORE = { id: 4, name: 3, label: 3, index: 1 } as const;
const MIN_SCORE = 4;

/** The one element the locator points to now, or null when none (or no clear one) fits. */
export function resolve(
  loc: Locator,
  root: Root,
  shadowRoots?: readonly ShadowRoot[],
): Element | null {
  const roots = [root, ...(shadowRoots ?? openShadowRoots(root))];
  const scored = sameKind(roots, loc.tag, loc.type)
    .map((el, i) => {
      let score = 0;
      if (loc.id && el.id === loc.id) score += SCORE.id;
      if (loc.name && el.getAttribute("name") === loc.name) score += SCORE.name;
      if (loc.label && nameOf(el) === loc.label) score += SCORE.label;
      if (i === loc.index) score += SCORE.index;
      return { el, score };
    })
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best || best.score < MIN_SCORE || (next && next.score === best.score)) return null;
  return best.el;
}
