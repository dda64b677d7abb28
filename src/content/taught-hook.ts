// Taught-page detection (detect/taught.ts) is needed only on a page the user taught, so it is
// not in the script injected into every IamOffice frame: it comes with the on-demand tools
// (tools.ts), which the worker injects before it hands a page its field map. The tools put
// the detector on the global object of our isolated world — shared by this extension's
// content scripts in a frame, out of the page's reach — and the content script takes it there.
import type { FieldMap } from "../field-map";
import type { Detection, DetectOptions } from "./detect";
import type { Root } from "./dom";

export type TaughtDetector = (root: Root, map: FieldMap, opts?: DetectOptions) => Detection | null;

const KEY = "iamofficeLoginTaught";
const scope = globalThis as unknown as Record<string, unknown>;

/** Called by the tools bundle when it is injected. */
export function provideTaught(detector: TaughtDetector): void {
  scope[KEY] = detector;
}

/** The detector, once the tools are in this frame; else null (the heuristics decide). */
export function taughtDetector(): TaughtDetector | null {
  const detector = scope[KEY];
  return typeof detector === "function" ? (detector as TaughtDetector) : null;
}
