// Where things are on screen, as a person meets them: whether an element shows whole and on
// top (nothing sticky, fixed or overlapping covers it: WCAG 2.2 SC 2.4.11 Focus Not Obscured),
// and mouse clicks at an element's centre that are first checked to land on it.
import type { ElementHandle, Page } from "puppeteer-core";
import { until } from "./ui-flows";

/**
 * Why `element` is obscured, or null when it is not:
 * - with `whole` (the default), it must lie wholly inside the window and inside every scrolling
 *   ancestor; otherwise some of it must show there (a browser may scroll a focused text area
 *   only as far as its caret);
 * - no sticky or fixed element (the section bar, a toast) may overlap it at all;
 * - `elementFromPoint` at the centre and four inner points of the part that shows must be the
 *   element or inside it.
 */
export function obscured(
  element: ElementHandle<Element>,
  { whole = true }: { whole?: boolean } = {},
): Promise<string | null> {
  return element.evaluate((el, whole) => {
    const describe = (node: Element | null) => {
      if (!node) return "nothing";
      const text = (node.getAttribute("aria-label") ?? node.textContent ?? "")
        .replace(/\s+/g, " ")
        .trim()
        .slice(0, 50);
      return `<${node.tagName.toLowerCase()}> "${text}"`;
    };
    const round = (n: number) => Math.round(n);
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return "it has no size";
    const root = document.documentElement;
    let box = { left: 0, top: 0, right: root.clientWidth, bottom: root.clientHeight };
    for (let a = el.parentElement; a && a !== root && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const clip = a.getBoundingClientRect();
      box = {
        left: Math.max(box.left, clip.left),
        top: Math.max(box.top, clip.top),
        right: Math.min(box.right, clip.right),
        bottom: Math.min(box.bottom, clip.bottom),
      };
    }
    const slack = 0.5;
    const where =
      `at x ${round(r.left)}–${round(r.right)}, y ${round(r.top)}–${round(r.bottom)}; ` +
      `visible area x ${round(box.left)}–${round(box.right)}, y ${round(box.top)}–` +
      `${round(box.bottom)}`;
    if (
      whole &&
      (r.left < box.left - slack ||
        r.top < box.top - slack ||
        r.right > box.right + slack ||
        r.bottom > box.bottom + slack)
    ) {
      return `it is not wholly in view: ${where}`;
    }
    const shown = {
      left: Math.max(r.left, box.left),
      top: Math.max(r.top, box.top),
      right: Math.min(r.right, box.right),
      bottom: Math.min(r.bottom, box.bottom),
    };
    if (shown.right - shown.left < 1 || shown.bottom - shown.top < 1) {
      return `it is out of view: ${where}`;
    }
    for (const other of document.body.querySelectorAll("*")) {
      const position = getComputedStyle(other).position;
      if ((position !== "sticky" && position !== "fixed") || other.contains(el)) continue;
      const o = other.getBoundingClientRect();
      if (o.width < 1 || o.height < 1) continue;
      if (o.left < r.right && o.right > r.left && o.top < r.bottom - slack && o.bottom > r.top) {
        return (
          `${describe(other)} (position: ${position}, y ${round(o.top)}–${round(o.bottom)}) ` +
          `covers it (y ${round(r.top)}–${round(r.bottom)})`
        );
      }
    }
    for (const [fx, fy] of [
      [0.5, 0.5],
      [0.25, 0.25],
      [0.75, 0.25],
      [0.25, 0.75],
      [0.75, 0.75],
    ] as const) {
      const x = shown.left + (shown.right - shown.left) * fx;
      const y = shown.top + (shown.bottom - shown.top) * fy;
      const hit = document.elementFromPoint(x, y);
      if (!hit || (hit !== el && !el.contains(hit))) {
        return `at (${round(x)}, ${round(y)}) ${describe(hit)} is on top of it`;
      }
    }
    return null;
  }, whole);
}

/** The accessible name or text of an element, for messages. */
export function nameOf(element: ElementHandle<Element>): Promise<string> {
  return element.evaluate((el) => {
    const label =
      "labels" in el ? (el.labels as NodeListOf<HTMLLabelElement>)[0]?.textContent : null;
    return (el.getAttribute("aria-label") ?? label ?? el.textContent ?? el.tagName)
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 60);
  });
}

/** The name (as nameOf) of the focused element. */
export async function focusedElementName(page: Page): Promise<string> {
  const focused = await page.evaluateHandle(() => document.activeElement ?? document.body);
  try {
    return await nameOf(focused);
  } finally {
    await focused.dispose();
  }
}

/** One notch of a mouse wheel, in pixels. */
const NOTCH = 100;

/** The element's box in the window, read twice a frame apart: stable means no scroll running. */
function settledBox(element: ElementHandle<Element>) {
  return element.evaluate(
    (el) =>
      new Promise<{ x: number; y: number; width: number; height: number; moving: boolean }>(
        (done) => {
          const first = el.getBoundingClientRect();
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const r = el.getBoundingClientRect();
              done({
                x: r.left,
                y: r.top,
                width: r.width,
                height: r.height,
                moving: r.top !== first.top || r.left !== first.left,
              });
            }),
          );
        },
      ),
  );
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * Turns the mouse wheel down, notch by notch as a person scrolls (over the page's left margin,
 * where nothing reacts to the pointer), until `done(box of element, window height)`.
 */
export async function wheelDownUntil(
  page: Page,
  element: ElementHandle<Element>,
  done: (box: Box, viewportHeight: number) => boolean,
): Promise<Box> {
  const name = await nameOf(element);
  const viewportHeight = await page.evaluate(() => document.documentElement.clientHeight);
  let box = await until(async () => {
    const b = await settledBox(element);
    return b.moving ? null : b;
  }, `"${name}" to stop moving`);
  for (let notches = 0; !done(box, viewportHeight); notches++) {
    if (notches > 30) throw new Error(`the wheel never brought "${name}" where wanted`);
    const before = box.y;
    await page.mouse.move(4, viewportHeight / 2);
    await page.mouse.wheel({ deltaY: NOTCH });
    box = await until(async () => {
      const b = await settledBox(element);
      return !b.moving && b.y !== before ? b : null;
    }, `the page to scroll towards "${name}"`);
  }
  return box;
}

/**
 * Scrolls with one turn of the wheel (as precise as a touchpad) so that `element`'s top comes
 * `y` pixels below the top of the window: a person bringing what they read to the top.
 */
export async function wheelTopTo(
  page: Page,
  element: ElementHandle<Element>,
  y: number,
): Promise<void> {
  const name = await nameOf(element);
  const box = await until(async () => {
    const b = await settledBox(element);
    return b.moving ? null : b;
  }, `"${name}" to stop moving`);
  const viewportHeight = await page.evaluate(() => document.documentElement.clientHeight);
  await page.mouse.move(4, viewportHeight / 2);
  await page.mouse.wheel({ deltaY: Math.round(box.y - y) });
  await until(async () => {
    const b = await settledBox(element);
    return !b.moving && b.y !== box.y;
  }, `the page to scroll "${name}" up`);
}

/**
 * Clicks `element` with the mouse at the centre of its box, as a person aims at what they see.
 * The click is refused (throws) unless the element shows whole, nothing covers it and
 * `elementFromPoint` there is the element or inside it: a click that would land on something
 * else fails the test instead of quietly hitting the wrong target. With `scrollDown`, an
 * element below the bottom of the window is first brought up with the mouse wheel, as a person
 * scrolls to reach it; an element hidden anywhere else (above, under the section bar) fails:
 * the page should have shown it.
 */
export async function clickAtCentre(
  page: Page,
  element: ElementHandle<Element>,
  { scrollDown = false }: { scrollDown?: boolean } = {},
): Promise<void> {
  const box = await wheelDownUntil(
    page,
    element,
    (b, viewportHeight) => !scrollDown || b.y + b.height <= viewportHeight,
  );
  const problem = await obscured(element);
  if (problem) throw new Error(`a click on "${await nameOf(element)}" would miss it: ${problem}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Why the page's focused element is obscured (see `obscured`), or null. */
export async function focusProblem(page: Page): Promise<string | null> {
  const focused = await page.evaluateHandle(() =>
    document.activeElement !== document.body ? document.activeElement : null,
  );
  const element = focused.asElement() as ElementHandle<Element> | null;
  if (!element) {
    await focused.dispose();
    return "nothing in the page has the focus";
  }
  try {
    const problem = await obscured(element, { whole: false });
    return problem && `"${await nameOf(element)}": ${problem}`;
  } finally {
    await element.dispose();
  }
}
