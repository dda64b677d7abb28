// The login window as the user taught it ("Teach the login fields", src/content/teach/): used
// before the heuristics. A field map only says where the fields are; it never makes one
// fillable that detection would refuse: hidden, covered, read-only (but for a pre-filled
// workspace), a second password field, fields of different forms, a form posting elsewhere.
// The fill's own checks (fill.ts) follow as for any window.
import type { FieldMap } from "../../field-map";
import { openShadowRoots, queryAll, type Root } from "../dom";
import { isReachable } from "../reach";
import { resolve } from "../teach/locator";
import { isEditable } from "../visibility";
import { postsElsewhere } from "./action";
import type { Detection, DetectOptions } from "./index";

const isInput = (el: Element | null): el is HTMLInputElement => el?.localName === "input";

/** The taught window, a refusal, or null when the map does not fit this page now (heuristics decide). */
export function detectTaught(
  root: Root,
  map: FieldMap,
  opts: DetectOptions = {},
): Detection | null {
  const shadowRoots = opts.shadowRoots ?? openShadowRoots(root);
  const find = (role: keyof FieldMap) => resolve(map[role], root, shadowRoots);
  const workspace = find("workspace");
  const identifier = find("identifier");
  const password = find("password");
  if (!isInput(workspace) || !isInput(identifier) || !isInput(password)) return null;
  if (password.type !== "password" || new Set([workspace, identifier, password]).size < 3) {
    return null;
  }
  const visible = opts.isVisible ?? isReachable;
  const usable = (el: HTMLInputElement): boolean => isEditable(el) && visible(el);
  const prefilled = (el: HTMLInputElement): boolean => el.value.trim() !== "" && visible(el);
  if (!usable(password) || !usable(identifier) || !(usable(workspace) || prefilled(workspace))) {
    return { ok: false, reason: "hidden" };
  }
  const passwords = queryAll<HTMLInputElement>([root, ...shadowRoots], "input[type=password]");
  if (passwords.filter(usable).length > 1) return { ok: false, reason: "several_passwords" };
  const form = password.form;
  if (workspace.form !== form || identifier.form !== form) {
    return { ok: false, reason: "missing_fields" };
  }
  const button = find("submit");
  const sameForm = !(button && "form" in button) || (button as HTMLButtonElement).form === form;
  const submit = button && sameForm && visible(button) ? (button as HTMLElement) : null;
  if (form && postsElsewhere(form, submit)) return { ok: false, reason: "foreign_action" };
  return { ok: true, login: { workspace, identifier, password, submit } };
}
