// Is the login window already found still shown? On a busy page, asking this instead of running
// detection again at every flush spares a whole detection each time; any doubt (a field
// replaced or hidden, a second password) makes the caller run detection.
import type { LoginWindow } from "./detect";
import { isReachable } from "./reach";

// The layout check makes the browser lay out whatever the page just changed: it is made at most
// this often, so a window moved out of sight is noticed up to that much later.
const LAYOUT_MS = 2000;
let checkedAt = -Infinity;

/** Detection has just checked the window's layout. */
export function laidOut(): void {
  checkedAt = performance.now();
}

/**
 * The window is all still in the page, its password the page's only one (`passwords`: every
 * password input in the page), and shown by detection's own rule.
 */
export function stillShown(w: LoginWindow, passwords: readonly Element[]): boolean {
  if (passwords.length !== 1 || passwords[0] !== w.password) return false;
  if (![w.workspace, w.identifier, w.submit].every((el) => !el || el.isConnected)) {
    return false;
  }
  const now = performance.now();
  if (now - checkedAt < LAYOUT_MS) return true;
  checkedAt = now;
  return isReachable(w.password);
}
