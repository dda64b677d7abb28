// The real visibility check. Happy-dom has no layout, so each test lays out the elements it
// needs by stubbing getBoundingClientRect and elementFromPoint.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allVisibleStrict, isEditable, isVisible } from "../../src/content/visibility";
import { colorAlpha, filterOpacity, styleHidden } from "../../src/content/visibility-style";

type HitTest = (x: number, y: number) => Element | null;

function place(el: Element, x: number, y: number, w: number, h: number): void {
  el.getBoundingClientRect = () => new DOMRect(x, y, w, h);
}

function hitTest(root: Document | ShadowRoot, at: HitTest): void {
  root.elementFromPoint = at;
}

/** A 200×30 field at (100, 100), on top of everything unless a test says otherwise. */
function field(html = `<input id="f" />`): HTMLInputElement {
  document.body.innerHTML = html;
  const el = document.getElementById("f") as HTMLInputElement;
  place(el, 100, 100, 200, 30);
  hitTest(document, () => el);
  return el;
}

beforeEach(() => {
  document.documentElement.removeAttribute("style");
  document.body.removeAttribute("style");
});

afterEach(() => {
  Reflect.deleteProperty(document, "elementFromPoint");
});

describe("isVisible geometry", () => {
  it("accepts a field that is on top at its centre", () => {
    const el = field();
    let asked: [number, number] | undefined;
    hitTest(document, (x, y) => ((asked = [x, y]), el));
    expect(isVisible(el)).toBe(true);
    expect(asked).toEqual([200, 115]);
  });

  it("accepts a hit on the control's own content (a button's <span>)", () => {
    document.body.innerHTML = `<button id="b"><span id="s">Connexion</span></button>`;
    const button = document.getElementById("b") as HTMLElement;
    place(button, 10, 10, 120, 32);
    hitTest(document, () => document.getElementById("s"));
    expect(isVisible(button)).toBe(true);
  });

  it("refuses a field covered by a transparent overlay", () => {
    const el = field(`<input id="f" /><div id="overlay"></div>`);
    hitTest(document, () => document.getElementById("overlay"));
    expect(isVisible(el)).toBe(false);
  });

  it("refuses when nothing answers the hit test", () => {
    const el = field();
    hitTest(document, () => null);
    expect(isVisible(el)).toBe(false);
  });

  it.each([
    ["zero size", 0, 0],
    ["1×1 px", 1, 1],
    ["7 px tall", 200, 7],
    ["7 px wide", 7, 30],
  ])("refuses %s", (_, w, h) => {
    const el = field();
    place(el, 100, 100, w, h);
    expect(isVisible(el)).toBe(false);
  });

  it("accepts 8×8 px", () => {
    const el = field();
    place(el, 100, 100, 8, 8);
    expect(isVisible(el)).toBe(true);
  });

  it.each([
    ["far left (left: -9999px)", -9999, 100],
    ["above the viewport", 100, -500],
    ["right of the viewport", window.innerWidth + 10, 100],
    ["below the viewport", 100, window.innerHeight + 10],
  ])("refuses a field whose centre is off-screen: %s", (_, x, y) => {
    const el = field();
    place(el, x, y, 200, 30);
    expect(isVisible(el)).toBe(false);
  });

  it("refuses a field no longer in the page", () => {
    const el = field();
    el.remove();
    expect(isVisible(el)).toBe(false);
  });

  it("hit-tests a field in a shadow root against that root, not the document", () => {
    document.body.innerHTML = `<x-login id="host"></x-login>`;
    const host = document.getElementById("host") as HTMLElement;
    const root = host.attachShadow({ mode: "open" });
    const input = document.createElement("input");
    const cover = document.createElement("div");
    root.append(input, cover);
    place(input, 100, 100, 200, 30);
    hitTest(document, () => host); // the document only ever sees the host
    hitTest(root, () => input);
    expect(isVisible(input)).toBe(true);
    hitTest(root, () => cover); // an overlay inside the component
    expect(isVisible(input)).toBe(false);
  });
});

describe("styleHidden", () => {
  it("accepts a plain field", () => {
    expect(styleHidden(field())).toBe(false);
  });

  it.each([
    ["opacity 0.69 on the field", `<input id="f" style="opacity:0.69" />`],
    ["opacity 0 on a wrapper", `<div style="opacity:0"><input id="f" /></div>`],
    [
      "0.8 × 0.8 along the ancestors",
      `<div style="opacity:.8"><p style="opacity:.8"><input id="f" /></p></div>`,
    ],
    ["filter: opacity(50%)", `<div style="filter: opacity(50%)"><input id="f" /></div>`],
    ["filter: opacity(0.3)", `<input id="f" style="filter: blur(0px) opacity(0.3)" />`],
    ["visibility:hidden inherited", `<div style="visibility:hidden"><input id="f" /></div>`],
    ["visibility:collapse", `<input id="f" style="visibility:collapse" />`],
    [
      "display:none on an ancestor",
      `<section style="display:none"><div><input id="f" /></div></section>`,
    ],
    ["clip-path: inset(50%)", `<input id="f" style="clip-path: inset(50%)" />`],
    [
      "a second filter opacity()",
      `<div style="filter: opacity(1) opacity(0)"><input id="f" /></div>`,
    ],
    [
      "filter: opacity(90%) twice below 0.7 with opacity",
      `<input id="f" style="opacity:.8; filter: opacity(90%) opacity(90%)" />`,
    ],
    ["filter: url()", `<div style="filter: url(#gone)"><input id="f" /></div>`],
    ["filter: brightness(0)", `<input id="f" style="filter: brightness(0)" />`],
    ["filter: contrast(20%)", `<input id="f" style="filter: contrast(20%)" />`],
    ["filter: invert(0.5)", `<input id="f" style="filter: invert(0.5)" />`],
    ["filter: blur(8px)", `<input id="f" style="filter: blur(8px)" />`],
    [
      "mask-image",
      `<div style="mask-image: linear-gradient(transparent, transparent)"><input id="f" /></div>`,
    ],
    ["-webkit-mask-image", `<input id="f" style="-webkit-mask-image: url(#m)" />`],
    [
      "the mask shorthand",
      `<input id="f" style="mask: linear-gradient(transparent, transparent)" />`,
    ],
    [
      "mix-blend-mode on an ancestor",
      `<form style="mix-blend-mode: screen"><input id="f" /></form>`,
    ],
    [
      "transparent text in a transparent borderless field",
      `<input id="f" style="color: transparent; background: transparent; border: none" />`,
    ],
    [
      "rgba(…, 0) text, rgb(… / 0) background, border: 0",
      `<input id="f" style="color: rgba(0, 0, 0, 0); background-color: rgb(255 255 255 / 0); border: 0" />`,
    ],
    [
      "clip: rect(0, 0, 0, 0)",
      `<div style="position:absolute; clip: rect(0px, 0px, 0px, 0px)"><input id="f" /></div>`,
    ],
  ])("refuses %s", (_, html) => {
    expect(styleHidden(field(html))).toBe(true);
  });

  it("counts opacity on body and html", () => {
    const el = field();
    document.body.style.opacity = "0.1";
    expect(styleHidden(el)).toBe(true);
    document.body.style.opacity = "";
    document.documentElement.style.opacity = "0.5";
    expect(styleHidden(el)).toBe(true);
  });

  it.each([
    [
      "harmless filters",
      `<input id="f" style="filter: opacity(1) brightness(1.1) blur(1px) invert(0.9)" />`,
    ],
    [
      "mask: none, mix-blend-mode: normal",
      `<input id="f" style="mask-image: none; mix-blend-mode: normal" />`,
    ],
    [
      "readable text on no background",
      `<input id="f" style="background: transparent; border: none" />`,
    ],
    [
      "transparent text in a bordered field",
      `<input id="f" style="color: transparent; background: transparent; border: 1px solid #333" />`,
    ],
    [
      "transparent text on a painted background",
      `<input id="f" style="color: transparent; background: #eee; border: none" />`,
    ],
  ])("accepts %s", (_, html) => {
    expect(styleHidden(field(html))).toBe(false);
  });

  it("accepts 0.9 × 0.9 (0.81)", () => {
    const el = field(`<div style="opacity:.9"><input id="f" style="opacity:.9" /></div>`);
    expect(styleHidden(el)).toBe(false);
  });

  it("accepts a visible field inside a visibility:hidden ancestor (CSS lets it show)", () => {
    const el = field(
      `<div style="visibility:hidden"><input id="f" style="visibility:visible" /></div>`,
    );
    expect(styleHidden(el)).toBe(false);
  });

  it("crosses shadow boundaries: a transparent host hides the field inside", () => {
    document.body.innerHTML = `<x-login id="host" style="opacity:0.2"></x-login>`;
    const root = (document.getElementById("host") as HTMLElement).attachShadow({ mode: "open" });
    const input = document.createElement("input");
    root.append(input);
    expect(styleHidden(input)).toBe(true);
  });

  it("also makes isVisible refuse, whatever the geometry says", () => {
    const el = field(`<input id="f" style="opacity:0" />`);
    expect(isVisible(el)).toBe(false);
  });
});

describe("isEditable, with isVisible (what a fill checks of every field)", () => {
  const fillable = (el: HTMLInputElement) => isVisible(el) && isEditable(el);

  it("accepts an enabled, writable, visible field", () => {
    expect(fillable(field())).toBe(true);
  });

  it.each([
    ["disabled", `<input id="f" disabled />`],
    ["read-only", `<input id="f" readonly />`],
  ])("refuses a %s field", (_, html) => {
    expect(fillable(field(html))).toBe(false);
  });
});

describe("filterOpacity and colorAlpha (computed values as browsers serialize them)", () => {
  it.each([
    ["none", 1],
    ["", 1],
    ["opacity(0.5)", 0.5],
    ["opacity(1) opacity(0)", 0],
    ["opacity(50%) opacity(50%)", 0.25],
    ["blur(0px) opacity(0.3)", 0.3],
    ['url("#gone")', 0],
    ['url("https://soft.iamoffice.net/f.svg#x") opacity(1)', 0],
    ["brightness(0)", 0],
    ["brightness(0.49)", 0],
    ["brightness(0.5)", 1],
    ["contrast(0.2)", 0],
    ["invert(0.5)", 0],
    ["invert(1)", 1],
    ["blur(3px)", 0],
    ["blur(2px) saturate(2) hue-rotate(90deg) drop-shadow(rgb(0, 0, 0) 1px 1px 2px)", 1],
  ])("filter %j → %d", (filter, factor) => {
    expect(filterOpacity(filter)).toBeCloseTo(factor);
  });

  it.each([
    ["transparent", 0],
    ["rgba(0, 0, 0, 0)", 0],
    ["rgb(0 0 0 / 0)", 0],
    ["rgb(0 0 0 / 50%)", 0.5],
    ["color(srgb 1 0 0 / 0)", 0],
    ["rgb(0, 0, 0)", 1],
    ["rgba(10, 20, 30, 0.4)", 0.4],
    ["hsl(0 0% 0%)", 1],
  ])("colour %j → alpha %d", (color, alpha) => {
    expect(colorAlpha(color)).toBeCloseTo(alpha);
  });
});

describe("allVisibleStrict", () => {
  it("hit-tests the centre and a point inset from each corner", () => {
    const el = field();
    const asked: [number, number][] = [];
    hitTest(document, (x, y) => (asked.push([x, y]), el));
    expect(allVisibleStrict([el])).toBe(true);
    expect(asked).toEqual(
      expect.arrayContaining([
        [200, 115],
        [140, 106],
        [260, 106],
        [140, 124],
        [260, 124],
      ]),
    );
  });

  it("refuses a field that is on top at its centre only", () => {
    const el = field(`<input id="f" /><div id="bar"></div>`);
    const bar = document.getElementById("bar");
    hitTest(document, (x) => (Math.abs(x - 200) < 4 ? el : bar));
    expect(isVisible(el)).toBe(true);
    expect(allVisibleStrict([el])).toBe(false);
  });

  it("lifts pointer-events: none and inert during the hit test, then puts the page back", () => {
    const el = field(`<input id="f" /><div id="cover" inert="inert"></div>`);
    const cover = document.getElementById("cover") as HTMLElement;
    cover.style.setProperty("pointer-events", "none", "important");
    const snapshot = (): string[] => [
      document.documentElement.outerHTML.length.toString(),
      ...[...document.querySelectorAll("*")].flatMap((n) =>
        [...n.attributes].map((a) => `${n.localName} ${a.name}=${a.value}`).sort(),
      ),
    ];
    const before = snapshot();
    // The last hit test is the strict one (isVisible asks first, before anything is lifted).
    let during: { inline: string; inert: boolean; layer: string } | undefined;
    hitTest(document, () => {
      during = {
        inline: cover.style.getPropertyValue("pointer-events"),
        inert: cover.hasAttribute("inert"),
        layer: document.querySelector("html > style")?.textContent ?? "",
      };
      return el;
    });
    expect(allVisibleStrict([el])).toBe(true);
    expect(during).toEqual({
      inline: "auto",
      inert: false,
      // No stylesheet sets pointer-events: no override sheet at all, the inline one is lifted
      // in place.
      layer: "",
    });
    expect(snapshot()).toEqual(before);
  });

  it("moves its override into a first cascade layer when a page stylesheet sets pointer-events !important", () => {
    const el = field(`<style>.cover { pointer-events: none !important }</style><input id="f" />`);
    let text = "";
    hitTest(
      document,
      () => ((text = document.documentElement.firstElementChild?.textContent ?? ""), el),
    );
    expect(allVisibleStrict([el])).toBe(true);
    expect(text).toMatch(/^@layer\{\.cover\{pointer-events:auto!important/);
  });

  it("lifts SVG's attribute and inline declarations in place, and puts the attributes back exactly", () => {
    const el = field(
      `<input id="f" /><svg id="svg" pointer-events="none"></svg>` +
        `<div id="veil" style="color: red; pointer-events: none"></div>`,
    );
    const svg = document.getElementById("svg") as unknown as SVGElement;
    const veil = document.getElementById("veil") as HTMLElement;
    let during: string[] = [];
    hitTest(document, () => {
      during = [svg.style.getPropertyValue("pointer-events"), veil.style.pointerEvents];
      return el;
    });
    expect(allVisibleStrict([el])).toBe(true);
    expect(during).toEqual(["auto", "auto"]);
    expect(svg.hasAttribute("style")).toBe(false);
    expect(veil.getAttribute("style")).toBe("color: red; pointer-events: none");
  });

  /** The override's text during the strict hit test on a page with these styles. */
  function overrideWith(css: string): string {
    const el = field(`<style>${css}</style><input id="f" />`);
    let text = "";
    hitTest(
      document,
      () => ((text = document.documentElement.firstElementChild?.textContent ?? ""), el),
    );
    expect(allVisibleStrict([el])).toBe(true);
    return text;
  }

  it("lifts only what the page's own rules may have taken pointer events from", () => {
    const text = overrideWith(
      `.cover, .veil::before { pointer-events: none } .other { color: red }
       @media screen { .deep { interactivity: inert } }`,
    );
    expect(text).toContain(".cover, .veil::before");
    expect(text).toContain(".deep");
    expect(text).not.toContain(".other");
    expect(text).not.toMatch(/^\*|,\*/);
    expect(text).not.toContain("@layer");
  });

  // Nested and @scope rules too (happy-dom parses neither: test/fixtures/hostile/cover-nested.html
  // and cover-scope.html, in real browsers).
  it("lifts every element when a keyframe sets pointer-events (no selector to lift it by)", () => {
    const css = "@keyframes k { to { pointer-events: none } } .c { animation: k 1s }";
    expect(overrideWith(css)).toMatch(/^\*,\*::before,\*::after,\*::backdrop\{/);
  });
});
