// Finds IamOffice's login window (workspace, identifier, password, submit) in a document or
// shadow root, or says why there is none. Pure DOM: no browser.* calls, layout only through the
// injectable visibility check. Runs at most once per animation frame (see ../watch.ts), so it
// starts from the few password inputs and only then looks around them.
import { containsDeep, byComposedOrder, openShadowRoots, queryAll, up } from "../dom";
import type { Root, VisibleCheck } from "../dom";
import { isEditable } from "../visibility";
import { isReachable } from "../reach";
import { normalize, RECOVERY } from "../words";
import { postsElsewhere } from "./action";
import { assignFields, readKind } from "./fields";
import { findSubmit } from "./submit";

export interface LoginWindow {
  workspace: HTMLInputElement;
  identifier: HTMLInputElement;
  password: HTMLInputElement;
  /** null: no control found; submitLogin then falls back to form.requestSubmit(). */
  submit: HTMLElement | null;
}

export type Refusal =
  | "no_password" // no password field at all
  | "recovery" // the "J'ai oublié mes identifiants" form is shown instead
  | "hidden" // password fields exist, none visible and editable
  | "several_passwords" // password change or sign-up, never a login window
  | "missing_fields" // IamOffice always asks for three fields (two-fields.html)
  | "foreign_action"; // the form would post to another origin

export type Detection = { ok: true; login: LoginWindow } | { ok: false; reason: Refusal };

export interface DetectOptions {
  /**
   * Layout check; defaults to the real one (isReachable: a field below the fold counts, the
   * fill scrolls to it and hit-tests it then). Unit tests inject a style-only stand-in.
   */
  isVisible?: VisibleCheck;
  /** Open shadow roots to search; defaults to walking the whole tree (watchDom tracks them). */
  shadowRoots?: readonly ShadowRoot[];
}

const TEXT_TYPES = /^(text|email|tel)$/;
const refuse = (reason: Refusal): Detection => ({ ok: false, reason });

export function detectLogin(root: Root, opts: DetectOptions = {}): Detection {
  const visible = opts.isVisible ?? isReachable;
  // The cheap DOM checks first: visibility may force a layout.
  const usable = (el: HTMLInputElement): boolean => isEditable(el) && visible(el);
  const roots = [root, ...(opts.shadowRoots ?? openShadowRoots(root))];
  const passwords = queryAll<HTMLInputElement>(roots, "input[type=password]");
  const [password, second] = passwords.filter(usable);
  if (!password) {
    if (recoveryShown(roots, visible)) return refuse("recovery");
    return refuse(passwords.length ? "hidden" : "no_password");
  }
  // A lone autocomplete="new-password" is no refusal: pages use it on login forms to keep
  // browsers from autofilling (detect-rules.test.ts); password changes have two fields.
  if (second) return refuse("several_passwords");
  // Only fields of the password's own form (or, without one, fields outside any form) can
  // belong with it: a search or newsletter form next to it stays out (distractors.html).
  const form = password.form;
  const candidates = queryAll<HTMLInputElement>(roots, "input").filter(
    (el) => TEXT_TYPES.test(el.type) && el.form === form,
  );
  const fields = candidates.filter(usable).sort(byComposedOrder);
  // A read-only (or disabled) workspace the page filled itself, as the vendor's page does from
  // its own `#ESPACE&login=…`: taken only where it reads as the workspace. It is never
  // written; the background fills beside it only the entry it names (fill.ts,
  // src/background/locked-workspace.ts). test/fixtures/login/prefilled-workspace.html
  const locked = candidates.filter(
    (el) => !isEditable(el) && el.value.trim() !== "" && visible(el),
  );
  const box = loginBox(password, [...fields, ...locked]);
  if (!box) return refuse("missing_fields");
  const inBox = fields.filter((f) => containsDeep(box, f));
  const lockedWorkspace = locked.find(
    (el) => containsDeep(box, el) && readKind(el, box).kind === "workspace",
  );
  const { workspace, identifier } = assignFields(inBox, password, box, lockedWorkspace);
  if (!workspace || !identifier) return refuse("missing_fields");
  const submit = findSubmit(password, box, visible);
  if (form && postsElsewhere(form, submit)) return refuse("foreign_action");
  return { ok: true, login: { workspace, identifier, password, submit } };
}

// The login window's extent: the password's nearest ancestor that is a form or dialog, or holds
// two other fields (a page-wide ASP.NET <form> must not pull in the header's search box).
function loginBox(password: HTMLInputElement, fields: HTMLInputElement[]): Element | null {
  for (let box = up(password); box; box = up(box)) {
    const inside = fields.filter((f) => containsDeep(box, f)).length;
    if (inside >= 2 || box.matches("form,dialog,[role=dialog]")) return box;
  }
  return null;
}

// The recovery form asks for the workspace and an e-mail under a heading like "J'ai oublié mes
// identifiants"; telling it apart lets the caller say why nothing is filled (recovery.html).
function recoveryShown(roots: Root[], visible: VisibleCheck): boolean {
  return queryAll<HTMLInputElement>(roots, "input").some((el) => {
    if (!/mail/i.test(`${el.type} ${el.name} ${el.id} ${el.getAttribute("autocomplete")}`)) {
      return false;
    }
    const box = el.closest("form,dialog,[role=dialog]") ?? el.parentElement?.parentElement;
    const text = `${box?.previousElementSibling?.textContent ?? ""} ${box?.textContent ?? ""}`;
    return visible(el) && RECOVERY.test(normalize(text.slice(0, 2000)));
  });
}
