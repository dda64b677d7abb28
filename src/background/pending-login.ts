// A login waiting for its tab's login window: a one-click login in a tab still loading or being
// logged out, or the automatic log-back-in after an idle logout. Owner of the pending login
// (storage.session) and of its alarm: the tab's content script completes it when it asks for a
// fill (autofill.ts takes it), and the alarm gives up after LOGIN_TIMEOUT_MS with a notification
// — so a worker restart mid-login loses nothing.
import browser from "../browser";
import { t } from "../i18n";
import { pendingLoginItem } from "../storage/items";
import { notify, NOTE } from "./notifications";
import { sessionSerial } from "./serial";

export const LOGIN_TIMEOUT_MS = 30_000;
export const LOGIN_ALARM = "login-timeout";

/** Waits for the login window of `tabId` to fill it with `entryId`, for LOGIN_TIMEOUT_MS. */
export async function startPendingLogin(
  tabId: number,
  entryId: string,
  loggingOut = false,
): Promise<void> {
  const deadline = Date.now() + LOGIN_TIMEOUT_MS;
  await pendingLoginItem.set({ tabId, entryId, deadline, loggingOut });
  await browser.alarms.create(LOGIN_ALARM, { when: deadline });
}

export async function clearPendingLogin(): Promise<void> {
  await pendingLoginItem.remove();
  await browser.alarms.clear(LOGIN_ALARM);
}

/** Is a login pending (for this tab, when given)? */
export async function hasPendingLogin(tabId?: number): Promise<boolean> {
  const p = await pendingLoginItem.get();
  return p !== null && (tabId === undefined || p.tabId === tabId);
}

/** The entry waiting for this tab's login window, if any and not expired; consumed. */
export function takePendingFor(tabId: number): Promise<string | null> {
  return sessionSerial(async () => {
    const p = await pendingLoginItem.get();
    if (!p || p.tabId !== tabId) return null;
    await clearPendingLogin();
    return Date.now() > p.deadline ? null : p.entryId;
  });
}

/**
 * The entry waiting for this tab when it turned out to be logged in already (a shared session
 * cookie): not once we clicked its logout control ourselves, not when expired. Not consumed.
 */
export async function pendingWhileLoggedIn(tabId: number): Promise<string | null> {
  const p = await pendingLoginItem.get();
  if (!p || p.tabId !== tabId || p.loggingOut || Date.now() > p.deadline) return null;
  return p.entryId;
}

/** The alarm fired: give up with a notification, never silently. */
export async function onLoginTimeout(): Promise<void> {
  const p = await pendingLoginItem.get();
  await clearPendingLogin();
  if (p) await notifyLoginFailed("err_login_no_window");
}

export async function notifyLoginFailed(
  why: "err_login_no_window" | "err_login_logout_failed",
): Promise<void> {
  await notify(NOTE.loginFailed, { title: "notifLoginFailedTitle", message: t(why) });
}

/** A closed tab cannot complete its pending login. */
export async function forgetPendingFor(tabId: number): Promise<void> {
  const p = await pendingLoginItem.get();
  if (p?.tabId === tabId) await clearPendingLogin();
}
