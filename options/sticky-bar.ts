// The section bar sticks to the top of the window, so whatever the page scrolls into view (the
// focus, a section the bar links to, the next action after a save) must land below it, never
// under it. The page's scroll-padding-top (options.css) follows the bar's real height, which
// grows when its links wrap onto a second line (narrow window, French, larger text).
import { useLayoutEffect, useRef } from "preact/hooks";

export const BAR_HEIGHT_VAR = "--sticky-bar-height";

export function useStickyBar<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const root = document.documentElement;
    const update = () =>
      root.style.setProperty(BAR_HEIGHT_VAR, `${bar.getBoundingClientRect().height}px`);
    update();
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(update) : null;
    observer?.observe(bar);
    // The browser scrolls a focused element into view, but not always quite: Firefox leaves one
    // whose top sits exactly on the window's bottom edge where it is, wholly out of sight.
    const reveal = (event: FocusEvent) => {
      const el = event.target;
      if (el instanceof Element && el !== document.body && !inView(el)) {
        el.scrollIntoView({ block: "nearest" });
      }
    };
    document.addEventListener("focusin", reveal);
    return () => {
      observer?.disconnect();
      document.removeEventListener("focusin", reveal);
      root.style.removeProperty(BAR_HEIGHT_VAR);
    };
  }, []);
  return ref;
}

/** The band at the top of the window the bar covers, plus the gap below it (scroll-padding). */
function coveredTop(): number {
  return parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
}

/** Whether `el` shows whole between the sticky bar and the bottom of the window. */
export function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.top >= coveredTop() - 1 && r.bottom <= document.documentElement.clientHeight + 1;
}

/**
 * Moves the focus to `el` and, unless it already shows whole, scrolls `context` (default: `el`)
 * into view below the bar, aligned as `block` says: the next action is where the eye and the
 * pointer are.
 */
export function focusInView(
  el: HTMLElement | null | undefined,
  context?: Element | null,
  block: ScrollLogicalPosition = "nearest",
): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  if (inView(el)) return;
  context?.scrollIntoView({ block });
  if (!inView(el)) el.scrollIntoView({ block: "nearest" });
}
