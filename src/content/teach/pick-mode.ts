// Pick mode: the user clicks the workspace field, the identifier field, the password field, then
// the login button, while the banner (pick-ui.ts) says which one is asked for; Escape leaves.
// Only the user's own input counts (event.isTrusted): page scripts can dispatch clicks and keys
// but never drive the mode, and they cannot read its state (closed shadow root, no attribute,
// no event to the page). The click on the login button is taken, not passed on: teaching never
// sends the form. Pure DOM: the caller saves the picks and fills.
import { FIELD_ROLES, type FieldRole } from "../../field-map";
import { isVisible } from "../visibility";
import { createPickUi } from "./pick-ui";

export type Picks = Record<FieldRole, Element>;
export type PickEnd = { outcome: "saved"; picks: Picks } | { outcome: "cancelled" | "refused" };

/** The words the banner shows (the caller's translations). */
export interface PickTexts {
  step(role: FieldRole, n: number, of: number): string;
  note: string;
  notThatKind: string;
  again: string;
}

const TEXT = /^(text|email|tel|search|url|)$/;
const CONTROLS =
  "button,input[type=submit],input[type=image],input[type=button],a[href],[role=button]";

/** The element a click on `target` picks for `role`, or null when it is not that kind of control. */
export function pickable(role: FieldRole, path: readonly EventTarget[]): Element | null {
  const first = path[0] as Partial<Element> | undefined;
  if (first?.nodeType !== 1) return null;
  const el = first as Element;
  if (role === "submit") return el.closest(CONTROLS);
  if (el.localName !== "input") return null;
  const type = (el as HTMLInputElement).type;
  return (role === "password" ? type === "password" : TEXT.test(type)) ? el : null;
}

/** Starts pick mode in `doc`; `done` is called once. Returns what ends it early (navigation aside). */
export function startPickMode(
  doc: Document,
  texts: PickTexts,
  done: (end: PickEnd) => void,
): () => void {
  const view = doc.defaultView;
  if (!view) return () => {};
  const ui = createPickUi(doc);
  const picks: Partial<Picks> = {};
  let at = 0;
  const current = (): FieldRole => FIELD_ROLES[at] ?? "submit";
  const show = (error = "") =>
    ui.show(texts.step(current(), at + 1, FIELD_ROLES.length), texts.note, error);

  let ended = false;
  const end = (result: PickEnd): void => {
    if (ended) return;
    ended = true;
    view.removeEventListener("click", onClick, true);
    view.removeEventListener("keydown", onKey, true);
    ui.remove();
    done(result);
  };

  function onClick(e: MouseEvent): void {
    if (!e.isTrusted) return;
    const path = e.composedPath();
    if (ui.owns(path)) return;
    // A banner the page hid, moved away or covered since the last pick: the user may not have
    // seen what was asked. Nothing taught is kept.
    if (!ui.intact()) return end({ outcome: "refused" });
    const role = current();
    const el = pickable(role, path);
    if (role === "submit") {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
    if (!el || !isVisible(el)) return show(texts.notThatKind);
    if (Object.values(picks).includes(el)) return show(texts.again);
    picks[role] = el;
    at++;
    if (at < FIELD_ROLES.length) return show();
    end({ outcome: "saved", picks: picks as Picks });
  }

  function onKey(e: KeyboardEvent): void {
    if (!e.isTrusted || e.key !== "Escape") return;
    e.preventDefault();
    e.stopImmediatePropagation();
    end({ outcome: "cancelled" });
  }

  // Capture on the window: before any listener of the page's document or elements.
  view.addEventListener("click", onClick, true);
  view.addEventListener("keydown", onKey, true);
  show();
  if (!ui.intact()) end({ outcome: "refused" });
  return () => end({ outcome: "cancelled" });
}
