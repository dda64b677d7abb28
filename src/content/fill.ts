// Types the credentials into a detected login window the way a user would, so the page's own
// framework notices, and optionally submits it. Pure DOM, no browser.* calls.
import type { Credentials } from "../protocol";
import { workspaceKey } from "../entries/rules";
import type { VisibleCheck } from "./dom";
import type { LoginWindow } from "./detect";
import { postsElsewhere } from "./detect/action";
import { allVisibleStrict, isEditable } from "./visibility";
import { reveal, revealedVisible } from "./reach";

export interface FillOptions {
  /** false (page-load autofill): only empty fields are filled, never what the user typed. */
  replace: boolean;
  isVisible?: VisibleCheck;
}

export type FillResult =
  { ok: true; filled: number } | { ok: false; reason: "not_fillable" | "other_workspace" };

/**
 * All or nothing: every field is re-checked (visible, enabled, writable, still in the page)
 * before any value is written, because the page may have changed since detection. A read-only
 * (or disabled) workspace the page filled itself is never written: it must already name the
 * entry's workspace (case-insensitively), and still name it as each value goes in.
 */
export function fillLogin(login: LoginWindow, values: Credentials, opts: FillOptions): FillResult {
  const locked = !isEditable(login.workspace);
  const namesEntry = (): boolean =>
    !locked || workspaceKey(login.workspace.value) === workspaceKey(values.workspace);
  if (!namesEntry()) return { ok: false, reason: "other_workspace" };
  const pairs = (
    [
      [login.workspace, values.workspace],
      [login.identifier, values.identifier],
      [login.password, values.password],
    ] as const
  ).filter(([el]) => !locked || el !== login.workspace);
  const fields = [login.workspace, login.identifier, login.password];
  const writable = pairs.map(([el]) => el);
  // Once before writing, the strict check (it also sees covers that `pointer-events: none`
  // hides from hit testing, at the price of a style recalculation). A window below the fold is
  // scrolled into view first, as a person would, since hit tests answer only inside the
  // viewport (reach.ts).
  if (!opts.isVisible) reveal(fields);
  const strict = opts.isVisible
    ? fields.every(opts.isVisible)
    : allVisibleStrict(fields, (el) => reveal([el]));
  if (!strict || !fields.every((el) => el.isConnected) || !writable.every(isEditable)) {
    return { ok: false, reason: "not_fillable" };
  }
  const visible = opts.isVisible ?? revealedVisible;
  const before = writable.map((el) => el.value);
  let filled = 0;
  let checked = true;
  for (const [el, value] of pairs) {
    // The page's own focus/input handlers run between fields: a form hidden or moved away by
    // them never gets the next value — above all the password, written last. What was already
    // typed is taken back, so the page never keeps half a login (a workspace without its
    // identifier, or one account's identifier beside what the user had typed). The first
    // field was just checked, strictly, and no page code has run since.
    if (!el.isConnected || !isEditable(el) || !(checked || visible(el)) || !namesEntry()) {
      rollBack(writable, before);
      return { ok: false, reason: "not_fillable" };
    }
    checked = false;
    if (opts.replace || el.value === "") {
      typeInto(el, value);
      filled++;
    }
  }
  return { ok: true, filled };
}

/** Puts back the values the fields had before the fill, where the fill changed them. */
function rollBack(fields: readonly HTMLInputElement[], before: readonly string[]): void {
  fields.forEach((el, i) => {
    const value = before[i] ?? "";
    if (el.value !== value && el.isConnected && isEditable(el)) typeInto(el, value);
  });
}

function typeInto(el: HTMLInputElement, value: string): void {
  const view = el.ownerDocument.defaultView;
  if (!view) return;
  el.focus({ preventScroll: true });
  // React-style value trackers wrap the element's own `value` setter and ignore the following
  // input event when it saw the new value; the prototype's native setter bypasses the wrapper
  // (test/fixtures/login/react-like.html).
  Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, "value")?.set?.call(el, value);
  // composed: frameworks listening at the document also hear fields inside shadow roots.
  el.dispatchEvent(new view.InputEvent("input", { bubbles: true, composed: true }));
  el.dispatchEvent(new view.Event("change", { bubbles: true }));
  el.blur();
}

export interface SubmitOptions {
  isVisible?: VisibleCheck;
  /** How long to wait for a submit button the page enables only once the fields are set. */
  timeoutMs?: number;
}

/**
 * Clicks the detected submit control (or requests the form's submission). Call it only on an
 * explicit login, after fillLogin. Resolves false when nothing could be submitted safely.
 */
export async function submitLogin(login: LoginWindow, opts: SubmitOptions = {}): Promise<boolean> {
  const { submit, password } = login;
  const form = password.form;
  // Checked again here: the page could have rewritten the action since detection.
  if (!password.isConnected || (form && postsElsewhere(form, submit))) return false;
  if (!submit) {
    form?.requestSubmit();
    return !!form;
  }
  if (!submit.isConnected || !(opts.isVisible ?? revealedVisible)(submit)) return false;
  if (!(await whenEnabled(submit, opts.timeoutMs ?? 1000))) return false;
  // And once more right before the click: while we waited, the page may have pointed the form
  // (or the button's formaction) elsewhere, even in the very tick it enabled the button.
  if (!password.isConnected || !submit.isConnected) return false;
  if (form && postsElsewhere(form, submit)) return false;
  submit.click();
  return true;
}

const enabled = (el: HTMLElement): boolean =>
  !el.matches(":disabled") && el.getAttribute("aria-disabled") !== "true";

// Frameworks may enable the button a microtask or a render later than our input events
// (test/fixtures/login/disabled-submit.html): watch its attributes instead of polling.
function whenEnabled(el: HTMLElement, timeoutMs: number): Promise<boolean> {
  const view = el.ownerDocument.defaultView;
  if (enabled(el) || !view) return Promise.resolve(enabled(el));
  return new Promise((resolve) => {
    const done = (): void => {
      observer.disconnect();
      view.clearTimeout(timer);
      resolve(enabled(el));
    };
    const observer = new view.MutationObserver(() => enabled(el) && done());
    observer.observe(el, { attributes: true });
    const timer = view.setTimeout(done, timeoutMs);
  });
}
