// Notifications: one id per purpose, so a newer one replaces an older one of the same kind.
import browser from "../browser";
import type { Notifications } from "webextension-polyfill";
import { notificationButtons } from "../platform";

export const NOTE = {
  warn: "idle-warning",
  loggedOut: "idle-logged-out",
  loginFailed: "login-failed",
};

const t = (key: string, sub?: string) => browser.i18n.getMessage(key, sub) || key;

export async function notify(
  id: string,
  opts: { title: string; message: string; button?: string },
): Promise<void> {
  // `buttons` is Chrome-only, hence missing from the cross-browser types.
  const options: Notifications.CreateNotificationOptions & { buttons?: { title: string }[] } = {
    type: "basic",
    iconUrl: browser.runtime.getURL("icons/icon-128.png"),
    title: t(opts.title),
    message: opts.message,
    // Firefox has no notification buttons: a click on the notification does the same.
    ...(notificationButtons && opts.button ? { buttons: [{ title: t(opts.button) }] } : {}),
  };
  await browser.notifications.create(id, options);
}

export async function clearNote(id: string): Promise<void> {
  await browser.notifications.clear(id);
}

export { t as message };
