// Entry point for every runtime message: decides trust from `sender`, checks the envelope, and
// dispatches to the page or content handler table. Anything else gets a refusal and nothing more.
import type { Runtime } from "webextension-polyfill";
import { envelope, isContentMessageType, isPageMessageType, type Failure } from "../protocol";
import browser from "../browser";
import { extensionOrigin } from "../platform";
import { classifySender } from "./trust";
import { isIamOfficeSubframe } from "./frames";
import { pageHandlers } from "./handlers-page";
import { contentHandlers } from "./handlers-content";

let ready: Promise<unknown> = Promise.resolve();

/** Messages wait for a storage migration running in this worker (runtime.onInstalled). */
export function holdMessagesUntil(p: Promise<unknown>): void {
  ready = p.catch(() => undefined);
}

const refuse = (error: Failure["error"]): Failure => ({ ok: false, error });

export async function route(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  await ready;
  const self = { id: browser.runtime.id, origin: extensionOrigin() };
  let trust = classifySender(sender, self);
  // A sub-frame of an IamOffice tab whose every ancestor is IamOffice, as the browser reports.
  if (trust === null && (await isIamOfficeSubframe(sender, self))) trust = "content";
  if (trust === null) return refuse("forbidden");
  const msg = envelope(raw);
  if (!msg) return refuse("malformed");
  try {
    if (trust === "page" && isPageMessageType(msg.type)) {
      return await pageHandlers[msg.type](msg.payload);
    }
    if (trust === "content" && isContentMessageType(msg.type)) {
      // classifySender guarantees a tab with an id for "content".
      return await contentHandlers[msg.type](
        msg.payload,
        sender as Runtime.MessageSender & { tab: { id: number } },
      );
    }
  } catch {
    // Never leak an exception's text (it could quote data) to the caller.
    return refuse("internal");
  }
  // A known type from the wrong kind of sender is a refusal, an unknown one is unknown.
  return isPageMessageType(msg.type) || isContentMessageType(msg.type)
    ? refuse("forbidden")
    : refuse("unknown_message");
}
