// Is somebody logged in? IamOffice shows a "Déconnexion" link top right while logged in and the
// login window after it is clicked (docs/vendor-login.md). Pure DOM, no browser.*.
import { detectLogin, type DetectOptions, type LoginWindow, type Refusal } from "./detect";
import { controlLabel, openShadowRoots, queryAll, type Root } from "./dom";
import { isVisible } from "./visibility";
import { LOGOUT } from "./words";

const CONTROLS =
  "a,button,[role=button],[role=link],[role=menuitem],input[type=button],input[type=submit]";

/**
 * The visible logout control (button or link labelled Déconnexion, Se déconnecter, Logout…), used
 * to log another account out before a one-click login. Hidden menu entries do not count.
 */
export function findLogoutControl(root: Root, opts: DetectOptions = {}): HTMLElement | null {
  const visible = opts.isVisible ?? isVisible;
  const roots = [root, ...(opts.shadowRoots ?? openShadowRoots(root))];
  return (
    queryAll<HTMLElement>(roots, CONTROLS).find(
      (el) => LOGOUT.test(controlLabel(el)) && visible(el),
    ) ?? null
  );
}

export type PageState =
  | { state: "login"; login: LoginWindow }
  | { state: "logged-in"; logout: HTMLElement }
  /** Neither: a loading page, the recovery form, a hidden login window… (reason says which). */
  | { state: "unknown"; reason: Refusal };

/** Login window shown → "login"; else a visible logout control → "logged-in"; else "unknown". */
export function pageState(root: Root, opts: DetectOptions = {}): PageState {
  const roots = { ...opts, shadowRoots: opts.shadowRoots ?? openShadowRoots(root) };
  const found = detectLogin(root, roots);
  if (found.ok) return { state: "login", login: found.login };
  const logout = findLogoutControl(root, roots);
  return logout ? { state: "logged-in", logout } : { state: "unknown", reason: found.reason };
}
