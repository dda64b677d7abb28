// Notifications: one id per purpose, so a newer one replaces an older one of the same kind.
// Showing them only; what a click on one does is src/background/notification-actions.ts.
import browser from "../browser";
import type { Notifications } from "webextension-polyfill";
import { t, type MessageKey } from "../i18n";
import { notificationButtons } from "../platform";

export const NOTE = {
  warn: "idle-warning",
  loggedOut: "idle-logged-out",
  loginFailed: "login-failed",
};

/** "in N minutes" with the singular where N is 1 (i18n messages have no plural rules). */
export function minutesMessage(
  key: "notifWarnBody" | "notifLoggedOutBody",
  minutes: number,
): string {
  const n = Math.max(1, Math.round(minutes));
  return n === 1 ? t(`${key}One`) : t(key, n);
}

/**
 * Shows a notification; never throws (a missing notification backend or icon must not stop the
 * caller's bookkeeping, e.g. the idle clock's next alarm). Returns whether it was shown.
 */
export async function notify(
  id: string,
  opts: { title: MessageKey; message: string; button?: MessageKey },
): Promise<boolean> {
  // `buttons` and `requireInteraction` are Chrome-only, hence missing from the shared types.
  const options: Notifications.CreateNotificationOptions & {
    buttons?: { title: string }[];
    requireInteraction?: boolean;
  } = {
    type: "basic",
    iconUrl: browser.runtime.getURL("icons/icon-128.png"),
    title: t(opts.title),
    message: opts.message,
    // Firefox has no notification buttons: a click on the notification does the same.
    ...(notificationButtons && opts.button ? { buttons: [{ title: t(opts.button) }] } : {}),
    // Chrome on Linux drops notifications after a few seconds without it; Firefox has no such
    // option (and refuses unknown ones).
    ...(notificationButtons ? { requireInteraction: true } : {}),
  };
  try {
    await browser.notifications.create(id, options);
    return true;
  } catch {
    return false;
  }
}

export async function clearNote(id: string): Promise<void> {
  await browser.notifications.clear(id).catch(() => false);
}
