// Reports the user's real actions to the idle clock. Only trusted events count (a page script
// cannot fake activity), and bare mouse movement does not: the vendor's help page speaks of
// *actions*, so if IamOffice counts movement too we warn earlier, never later.
import { controlLabel } from "./dom";
import { LOGOUT } from "./words";
import { send } from "./messages";
import { timed } from "./cost-probe";

const EVENTS = ["keydown", "pointerdown", "wheel", "touchstart"] as const;

/** How often activity is reported at most (src/idle-clock.ts allows for it in its tolerance). */
export const ACTIVITY_REPORT_INTERVAL_MS = 20_000;

/**
 * Leading-edge throttle: the first action after a quiet spell is reported at once, later ones
 * are dropped until `intervalMs` has passed. Each report wakes the service worker and writes
 * storage.session, so a few per minute is plenty; the dropped actions only make our last
 * activity up to 20 s earlier than the real one — on a 20-minute clock we warn at most 20 s
 * early, never late (a trailing report would be stamped later than the action, hence late).
 * A clock that jumped backwards reports at once rather than staying silent until it catches up.
 */
export function shouldReport(
  lastSentAt: number | null,
  now: number,
  intervalMs = ACTIVITY_REPORT_INTERVAL_MS,
): boolean {
  return lastSentAt === null || now < lastSentAt || now - lastSentAt >= intervalMs;
}
const CONTROL = "a,button,[role=button],[role=link],[role=menuitem],input[type=button]";

/** A press on the page's Déconnexion control: the login window that follows is not idle. */
function isLogoutPress(e: Event): boolean {
  if (e.type !== "pointerdown" && !(e.type === "keydown" && (e as KeyboardEvent).key === "Enter")) {
    return false;
  }
  const target = e.composedPath()[0];
  const control = target instanceof Element ? target.closest(CONTROL) : null;
  return control !== null && LOGOUT.test(controlLabel(control));
}

export function watchActivity(doc: Document): void {
  let lastSent: number | null = null;
  const onAction = timed("event", (e: Event) => {
    if (!e.isTrusted) return;
    const now = Date.now();
    const logoutClick = isLogoutPress(e);
    if (!logoutClick && !shouldReport(lastSent, now)) return;
    lastSent = now;
    void send("content.activity", logoutClick ? { logoutClick } : {});
  });
  for (const type of EVENTS) {
    doc.addEventListener(type, onAction, { capture: true, passive: true });
  }
}
