// Entry point for every runtime message: decides trust from `sender`, checks the envelope, and
// dispatches to the page or content handler table. Anything else gets a refusal and nothing more.
import type { Runtime } from "webextension-polyfill";
import browser from "../browser";
import { isRecord } from "../guards";
import { extensionOrigin } from "../platform";
import type { ContentMessages, PageMessages } from "../protocol";
import { fail } from "../result";
import { isIamOfficeSubframe } from "./frames";
import { contentHandlers } from "./handlers-content";
import { pageHandlers } from "./handlers-page";
import { classifySender } from "./trust";

let ready: Promise<unknown> = Promise.resolve();

/** Messages wait for a storage migration running in this worker (runtime.onInstalled). */
export function holdMessagesUntil(p: Promise<unknown>): void {
  ready = p.catch(() => undefined);
}

// The message types each kind of sender may use: a type-checked list of every key of each map.
const pageTypes: Record<keyof PageMessages, true> = {
  "vault.status": true,
  "vault.create": true,
  "vault.unlock": true,
  "vault.lock": true,
  "vault.changePassword": true,
  "vault.reset": true,
  "vault.exportRaw": true,
  "entries.list": true,
  "entries.get": true,
  "entries.save": true,
  "entries.delete": true,
  "settings.get": true,
  "settings.set": true,
  "login.oneClick": true,
  "backup.export": true,
  "backup.import": true,
  "status.get": true,
  "popup.open": true,
  "pendingSave.dismiss": true,
  "pendingSave.get": true,
  "teach.start": true,
  "fieldMaps.list": true,
  "fieldMaps.forget": true,
  "report.get": true,
  "passkey.list": true,
  "passkey.checkPassword": true,
  "passkey.add": true,
  "passkey.remove": true,
  "passkey.unlock": true,
};

const contentTypes: Record<keyof ContentMessages, true> = {
  "content.frame": true,
  "content.pageState": true,
  "content.requestFill": true,
  "content.activity": true,
  "content.submitted": true,
  "content.fillResult": true,
  "content.taught": true,
  "content.teachEnded": true,
};

const isPageType = (type: unknown): type is keyof PageMessages =>
  typeof type === "string" && Object.hasOwn(pageTypes, type);
const isContentType = (type: unknown): type is keyof ContentMessages =>
  typeof type === "string" && Object.hasOwn(contentTypes, type);

export async function route(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  await ready;
  const self = { id: browser.runtime.id, origin: extensionOrigin() };
  let trust = classifySender(sender, self);
  // A sub-frame of an IamOffice tab whose every ancestor is IamOffice, as the browser reports.
  if (trust === null && (await isIamOfficeSubframe(sender, self))) trust = "content";
  if (trust === null) return fail("forbidden");
  // The envelope's shape only; each handler validates its payload.
  if (!isRecord(raw)) return fail("malformed");
  const { type, payload } = raw;
  try {
    if (trust === "page" && isPageType(type)) {
      return await pageHandlers[type](payload);
    }
    if (trust === "content" && isContentType(type)) {
      // classifySender guarantees a tab with an id for "content".
      return await contentHandlers[type](
        payload,
        sender as Runtime.MessageSender & { tab: { id: number } },
      );
    }
  } catch {
    // Never leak an exception's text (it could quote data) to the caller.
    return fail("internal");
  }
  // A known type from the wrong kind of sender is a refusal, an unknown one is unknown.
  return isPageType(type) || isContentType(type) ? fail("forbidden") : fail("unknown_message");
}
