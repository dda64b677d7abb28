// The only UI the extension ever puts in a page: the "Teach the login fields" banner, while the
// user shows which field is which. It cannot be read, restyled or quietly covered by the page:
// - a closed shadow root (page scripts cannot reach its text or its state);
// - in the top layer (a manual popover), above every z-index of the page;
// - `!important` rules on :host, which beat the page's own `!important` rules and inline styles
//   on the host (the shadow tree wins among important declarations);
// - and intact() checks before each pick that it is still shown, unfaded and on top at its
//   centre and corners, with every element of the page taking pointer events for the check (a
//   cover with `pointer-events: none` is seen too): a page that hides it, removes it or lays
//   something over it ends the teaching (refused). It takes pointer events itself: nothing
//   clicks through it.
import { openShadowRoots } from "../dom";
import { takePointerEvents } from "../hit-test-override";
import { styleHidden } from "../visibility-style";

const STYLE = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: auto 16px 16px auto !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  width: auto !important;
  height: auto !important;
  overflow: visible !important;
  background: transparent !important;
  opacity: 1 !important;
  visibility: visible !important;
  filter: none !important;
  transform: none !important;
  clip-path: none !important;
  mask: none !important;
  mix-blend-mode: normal !important;
  pointer-events: auto !important;
  z-index: 2147483647 !important;
}
.box {
  box-sizing: border-box;
  max-width: 380px;
  padding: 12px 16px;
  border-radius: 8px;
  background: #174ea6;
  color: #fff;
  font: 15px/1.4 system-ui, sans-serif;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.35);
  pointer-events: auto;
}
p { margin: 0; }
.step { font-weight: 600; }
.note { margin-top: 6px; font-size: 13px; }
.error { margin-top: 6px; color: #ffdad6; }
`;

// Where the banner must be on top: its centre and a point inset from each corner.
const PROBES = [
  [0.5, 0.5],
  [0.1, 0.1],
  [0.9, 0.1],
  [0.1, 0.9],
  [0.9, 0.9],
] as const;

export interface PickUi {
  /** Shows the step, the note under it, and an error (empty: none). */
  show(step: string, note: string, error?: string): void;
  /** Still shown, unfaded, and on top of the page where it is? */
  intact(): boolean;
  /** Whether an event's path went through the banner. */
  owns(path: readonly EventTarget[]): boolean;
  remove(): void;
}

export function createPickUi(doc: Document): PickUi {
  const host = doc.createElement("div");
  const root = host.attachShadow({ mode: "closed" });
  const style = doc.createElement("style");
  style.textContent = STYLE;
  const box = doc.createElement("div");
  box.className = "box";
  box.setAttribute("role", "status");
  const step = doc.createElement("p");
  step.className = "step";
  const note = doc.createElement("p");
  note.className = "note";
  const error = doc.createElement("p");
  error.className = "error";
  box.append(step, note, error);
  root.append(style, box);
  host.popover = "manual";
  doc.documentElement.append(host);
  host.showPopover();

  const onTop = (): boolean => {
    const r = box.getBoundingClientRect();
    if (r.width < 8 || r.height < 8) return false;
    const putBack = takePointerEvents([doc, ...openShadowRoots(doc)], doc);
    try {
      return PROBES.every(
        ([fx, fy]) => doc.elementFromPoint(r.left + r.width * fx, r.top + r.height * fy) === host,
      );
    } finally {
      putBack();
    }
  };

  return {
    show(stepText, noteText, errorText = "") {
      step.textContent = stepText;
      note.textContent = noteText;
      error.textContent = errorText;
    },
    intact: () =>
      host.isConnected && host.matches(":popover-open") && !styleHidden(host) && onTop(),
    owns: (path) => path.includes(host),
    remove() {
      if (host.matches(":popover-open")) host.hidePopover();
      host.remove();
    },
  };
}
