// Below the fold is not off-screen. A person scrolls to a login window under a tall banner, or
// in a window smaller than the page, and so does the extension (test/fixtures/login/below-fold.html).
//
// Why scroll: hit testing (elementFromPoint) answers only for points inside the viewport, and
// the hit test is what proves a field is not covered. So a field outside the viewport counts as
// *reachable* at detection when a person could scroll the page to it; right before the fill it
// is brought into view (reveal), and then every check of visibility.ts runs on it as on any
// other field, hit tests included. The page is scrolled only when a fill is about to happen,
// and only as far as the field needs. Still refused, before any scroll: negative offsets
// (left: -9999px), a place outside the document's scrollable area or in a page that cannot
// scroll that way, `position: fixed` out of view (no scroll brings it in), a centre clipped
// away by an ancestor's `overflow` (or `contain: paint`) — inner scroll boxes are never
// scrolled, only the page — and everything styleHidden refuses.
import { up } from "./dom";
import { isVisible, MIN_SIZE } from "./visibility";
import { styleHidden } from "./visibility-style";

// Room left around a field brought into view, as a person would leave.
const MARGIN = 16;

// "" where an engine without layout (happy-dom) leaves the default unset.
const open = (overflow: string): boolean => overflow === "visible" || overflow === "";
const clips = (s: CSSStyleDeclaration): boolean =>
  !open(s.overflowX) || !open(s.overflowY) || /paint|strict|content/.test(s.contain ?? "");
const blocks = (overflow: string): boolean => /hidden|clip/.test(overflow);

/** The <body> whose overflow the viewport takes (CSS propagates it when <html> has none). */
function propagatedBody(doc: Document, view: Window): HTMLElement | null {
  const root = view.getComputedStyle(doc.documentElement);
  return open(root.overflowX) && open(root.overflowY) ? doc.body : null;
}

/** Can a person scroll the page to the field's box, and does nothing clip its centre away? */
function scrollableTo(el: Element, view: Window, r: DOMRect): boolean {
  const doc = el.ownerDocument;
  const body = propagatedBody(doc, view);
  const viewport = view.getComputedStyle(body ?? doc.documentElement);
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  if ((x < 0 || x >= view.innerWidth) && blocks(viewport.overflowX)) return false;
  if ((y < 0 || y >= view.innerHeight) && blocks(viewport.overflowY)) return false;
  const scroller = doc.scrollingElement ?? doc.documentElement;
  const left = r.left + view.scrollX;
  const top = r.top + view.scrollY;
  if (left < 0 || top < 0) return false;
  if (left + r.width > scroller.scrollWidth || top + r.height > scroller.scrollHeight) return false;
  for (let n: Element | null = el; n; n = n.assignedSlot ?? up(n)) {
    const s = view.getComputedStyle(n);
    if (s.position === "fixed") return false;
    if (n === el || n === doc.documentElement || n === body || !clips(s)) continue;
    const box = n.getBoundingClientRect();
    const bx = box.left + n.clientLeft;
    const by = box.top + n.clientTop;
    if (x < bx || x > bx + n.clientWidth || y < by || y > by + n.clientHeight) return false;
  }
  return true;
}

/**
 * Detection's check: isVisible for a field inside the viewport (one hit test, as before), and
 * for one outside it, everything but the hit test plus "a person can scroll there". The fill
 * makes the hit test after reveal().
 */
export function isReachable(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view || !el.isConnected) return false;
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  if (x >= 0 && y >= 0 && x < view.innerWidth && y < view.innerHeight) return isVisible(el);
  if (styleHidden(el) || r.width < MIN_SIZE || r.height < MIN_SIZE) return false;
  return scrollableTo(el, view, r);
}

/** How far to scroll along one axis so that [start, end] shows in [0, size]: centred if it fits. */
export function scrollDelta(start: number, end: number, size: number): number {
  if (start >= 0 && end <= size) return 0;
  if (end - start + 2 * MARGIN > size) return start - MARGIN;
  return Math.round((start + end - size) / 2);
}

/**
 * Scrolls the page (never an inner box) so that the elements' common box shows, centred when it
 * fits, else its top-left corner. Nothing happens when it already shows. `instant`: a page's
 * `scroll-behavior: smooth` would otherwise make the scroll asynchronous, and the checks that
 * follow would see the old position.
 */
export function reveal(els: readonly Element[]): void {
  const view = els[0]?.ownerDocument.defaultView;
  if (!view) return;
  const boxes = els.map((el) => el.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.right));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  const dx = scrollDelta(left, right, view.innerWidth);
  const dy = scrollDelta(top, bottom, view.innerHeight);
  if (dx !== 0 || dy !== 0) view.scrollBy({ left: dx, top: dy, behavior: "instant" });
}

/** The fill's per-element check: brought into view first, then the full isVisible. */
export function revealedVisible(el: Element): boolean {
  reveal([el]);
  return isVisible(el);
}
