// The style-only half of the visibility check (no layout needed): what CSS can do to make a
// field invisible while it still has a box and answers hit tests. Refusals are proven by
// test/fixtures/login/hidden-*.html, in happy-dom and in both browsers.
import { up } from "./dom";

// Effective opacity is the product along the ancestor chain: five wrappers at 0.9 each are 0.59.
const MIN_OPACITY = 0.7;
// brightness()/contrast() below this turn a field into a flat dark or grey box.
const MIN_FILTER_LEVEL = 0.5;
// invert() near 0.5 maps every colour to the same grey.
const INVERT_GREY = [0.3, 0.7] as const;
// blur() beyond this makes a field's text unreadable.
const MAX_BLUR_PX = 2;

const isSet = (value: string, off: string): boolean => value !== "" && value !== off;

/** A number or a percentage (`0.5`, `50%`) as a fraction. */
const amount = (arg: string): number => parseFloat(arg) / (arg.trim().endsWith("%") ? 100 : 1);

/**
 * The factor `filter` multiplies opacity by (every opacity() in the chain, not just the first),
 * or 0 when the filter can hide the element in another way: url() (an SVG filter can do
 * anything), dark or flat brightness()/contrast(), a grey invert(), a strong blur().
 */
export function filterOpacity(filter: string): number {
  if (!isSet(filter, "none")) return 1;
  if (/url\(/i.test(filter)) return 0;
  let factor = 1;
  for (const [, name = "", arg = ""] of filter.matchAll(/([a-z-]+)\(([^)]*)\)/gi)) {
    const v = arg.trim() === "" ? 1 : amount(arg);
    const fn = name.toLowerCase();
    if (fn === "opacity") factor *= Math.min(v, 1);
    else if ((fn === "brightness" || fn === "contrast") && v < MIN_FILTER_LEVEL) return 0;
    else if (fn === "invert" && v > INVERT_GREY[0] && v < INVERT_GREY[1]) return 0;
    else if (fn === "blur" && !(parseFloat(arg) <= MAX_BLUR_PX && /^\s*[\d.]*(px)?\s*$/.test(arg)))
      return 0;
  }
  return factor;
}

/** The alpha of a computed colour (`transparent`, `rgba(…, a)`, `rgb(… / a)`, `color(… / a)`). */
export function colorAlpha(color: string): number {
  const c = color.trim().toLowerCase();
  if (c === "" || c === "transparent") return 0;
  const slash = /\/\s*([\d.]+%?)\s*\)$/.exec(c);
  if (slash) return amount(slash[1] ?? "1");
  const args = /^(?:rgba?|hsla?)\(([^)]*)\)$/.exec(c)?.[1]?.split(",");
  return args?.length === 4 ? amount(args[3] ?? "1") : 1;
}

// Any CSS function in a mask (url(), a gradient, image-set()…) can make the element see-through.
const MASKS = [
  "mask",
  "mask-image",
  "-webkit-mask",
  "-webkit-mask-image",
  "-webkit-mask-box-image",
];
const masked = (s: CSSStyleDeclaration): boolean =>
  MASKS.some((p) => s.getPropertyValue(p).includes("("));

const SIDES = ["top", "right", "bottom", "left"];
const borderShows = (s: CSSStyleDeclaration): boolean =>
  SIDES.some(
    (side) =>
      !/^(none|hidden|initial|)$/.test(s.getPropertyValue(`border-${side}-style`)) &&
      parseFloat(s.getPropertyValue(`border-${side}-width`)) > 0 &&
      colorAlpha(s.getPropertyValue(`border-${side}-color`) || s.color) > 0,
  );

/** Transparent text in a transparent, borderless box: the field is there but shows nothing. */
function blank(s: CSSStyleDeclaration): boolean {
  const fill = s.getPropertyValue("-webkit-text-fill-color");
  const textAlpha = Math.min(colorAlpha(s.color || "black"), fill ? colorAlpha(fill) : 1);
  return (
    textAlpha === 0 &&
    colorAlpha(s.backgroundColor) === 0 &&
    !s.backgroundImage.includes("(") &&
    !borderShows(s)
  );
}

/**
 * display:none anywhere up the flat tree, visibility:hidden (inherited), too little opacity
 * (opacity × every filter: opacity()), a filter, mask or blend mode that can hide, any clip or
 * clip-path — we cannot cheaply tell a decorative one from one that hides the field, and
 * refusing is the safe side — and a field whose text and box are both transparent.
 */
export function styleHidden(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return true;
  let opacity = 1;
  // Slotted content renders inside its slot's ancestors, so walk the flat tree.
  for (let n: Element | null = el; n; n = n.assignedSlot ?? up(n)) {
    const s = view.getComputedStyle(n);
    // visibility is inherited but a child may override it, so only the field's own value counts.
    if (n === el && (/hidden|collapse/.test(s.visibility) || blank(s))) return true;
    if (s.display === "none" || isSet(s.clipPath, "none") || isSet(s.clip, "auto")) return true;
    if (isSet(s.mixBlendMode, "normal") || masked(s)) return true;
    opacity *= (s.opacity === "" ? 1 : parseFloat(s.opacity)) * filterOpacity(s.filter);
    if (opacity < MIN_OPACITY) return true;
  }
  return false;
}
