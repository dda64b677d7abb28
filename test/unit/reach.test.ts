// Below the fold: which fields a person could scroll to (src/content/reach.ts), and how far the
// page is scrolled to show them. Happy-dom has no layout, so each test lays out what it needs.
import { afterEach, describe, expect, it, vi } from "vitest";
import { isReachable, reveal, scrollDelta } from "../../src/content/reach";

const H = window.innerHeight;
const W = window.innerWidth;

function place(el: Element, x: number, y: number, w: number, h: number): void {
  el.getBoundingClientRect = () => new DOMRect(x, y, w, h);
}

function define(el: Element, values: Record<string, number>): void {
  for (const [key, value] of Object.entries(values)) {
    Object.defineProperty(el, key, { configurable: true, value });
  }
}

/** The page's scrollable area. */
function pageSize(width: number, height: number): void {
  define(document.scrollingElement ?? document.documentElement, {
    scrollWidth: width,
    scrollHeight: height,
  });
}

/** A 200×30 field; no hit test may be asked unless the test allows it. */
function field(html = `<input id="f" />`, x = 100, y = H + 700): HTMLInputElement {
  document.body.innerHTML = html;
  const el = document.getElementById("f") as HTMLInputElement;
  place(el, x, y, 200, 30);
  document.elementFromPoint = () => {
    throw new Error("no hit test outside the viewport");
  };
  pageSize(W, H + 2000);
  return el;
}

afterEach(() => {
  Reflect.deleteProperty(document, "elementFromPoint");
  document.documentElement.removeAttribute("style");
  document.body.removeAttribute("style");
  vi.restoreAllMocks();
});

describe("isReachable", () => {
  it("accepts a field 700 px below the fold of a page that scrolls there (no hit test yet)", () => {
    expect(isReachable(field())).toBe(true);
  });

  it("inside the viewport, it is the plain hit test: a covered field is refused", () => {
    const el = field(`<input id="f" /><div id="cover"></div>`, 100, 100);
    document.elementFromPoint = () => document.getElementById("cover");
    expect(isReachable(el)).toBe(false);
    document.elementFromPoint = () => el;
    expect(isReachable(el)).toBe(true);
  });

  it.each([
    ["far left (left: -9999px)", -9999, 100],
    ["above the page", 100, -500],
    ["left of the page, below the fold", -300, H + 700],
  ])("refuses negative offsets: %s", (_, x, y) => {
    expect(isReachable(field(`<input id="f" />`, x, y))).toBe(false);
  });

  it("refuses a field past the end of the scrollable area", () => {
    const el = field();
    pageSize(W, H + 500);
    expect(isReachable(el)).toBe(false);
  });

  it("refuses a field right of the page's scrollable width", () => {
    const el = field(`<input id="f" />`, W + 400, 100);
    pageSize(W + 100, H);
    expect(isReachable(el)).toBe(false);
  });

  it.each([
    ["<html> overflow: hidden", "documentElement"],
    ["<body> overflow: hidden (the viewport takes it)", "body"],
  ] as const)("refuses below the fold of a page that cannot scroll: %s", (_, where) => {
    const el = field();
    // Longhands: happy-dom does not expand the `overflow` shorthand.
    document[where].style.overflowY = "hidden";
    expect(isReachable(el)).toBe(false);
  });

  it("refuses a position: fixed box out of view (no scroll brings it in)", () => {
    const el = field(`<div style="position: fixed"><input id="f" /></div>`);
    expect(isReachable(el)).toBe(false);
  });

  it("refuses a centre clipped away by an overflow: hidden ancestor, accepts one inside it", () => {
    const el = field(
      `<div id="box" style="overflow-x: hidden; overflow-y: hidden"><input id="f" /></div>`,
    );
    const box = document.getElementById("box") as HTMLElement;
    place(box, 0, H + 600, 400, 50);
    define(box, { clientLeft: 0, clientTop: 0, clientWidth: 400, clientHeight: 50 });
    expect(isReachable(el)).toBe(false);
    place(el, 100, H + 605, 200, 30);
    expect(isReachable(el)).toBe(true);
  });

  it("refuses a hidden or tiny field below the fold", () => {
    expect(isReachable(field(`<input id="f" style="opacity: 0" />`))).toBe(false);
    const tiny = field();
    place(tiny, 100, H + 700, 1, 1);
    expect(isReachable(tiny)).toBe(false);
  });

  it("refuses a field no longer in the page", () => {
    const el = field();
    el.remove();
    expect(isReachable(el)).toBe(false);
  });
});

describe("scrollDelta", () => {
  it.each([
    ["already shown", 100, 130, 800, 0],
    ["below: centred", 1500, 1600, 800, 1150],
    ["above: centred", -400, -300, 800, -750],
    ["taller than the viewport: its start, with a margin", 1500, 2400, 800, 1484],
    ["partly below", 780, 810, 800, 395],
  ])("%s", (_, start, end, size, delta) => {
    expect(scrollDelta(start, end, size)).toBe(delta);
  });
});

describe("reveal", () => {
  it("scrolls the page once, instantly, to show the fields' common box", () => {
    const el = field();
    const other = document.createElement("input");
    document.body.append(other);
    place(other, 100, H + 760, 200, 30);
    const scrollBy = vi.spyOn(window, "scrollBy").mockImplementation(() => undefined);
    reveal([el, other]);
    expect(scrollBy).toHaveBeenCalledTimes(1);
    expect(scrollBy).toHaveBeenCalledWith({
      left: 0,
      top: Math.round((H + 700 + H + 790 - H) / 2),
      behavior: "instant",
    });
  });

  it("does not scroll when the fields already show", () => {
    const el = field(`<input id="f" />`, 100, 100);
    const scrollBy = vi.spyOn(window, "scrollBy").mockImplementation(() => undefined);
    reveal([el]);
    expect(scrollBy).not.toHaveBeenCalled();
  });
});
