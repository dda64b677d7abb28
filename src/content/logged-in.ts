// Is somebody logged in? IamOffice shows a "Déconnexion" link top right while logged in and the
// login window after it is clicked (docs/vendor-login.md). Pure DOM, no browser.*.
import type { DetectOptions } from "./detect";
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
