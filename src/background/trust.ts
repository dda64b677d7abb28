// Who is asking. Decided from the browser-provided `sender` only, never from the payload.
//  - "page": one of our own extension pages (popup, options): may do everything.
//  - "content": our content script in the TOP frame of a tab whose URL has exactly the
//    IamOffice origin: may ask for the credentials of the login window it shows, report state.
//  - null: anything else (other extensions, other origins, sub-frames, no tab): refused.
import type { Runtime } from "webextension-polyfill";
import { isIamOfficeUrl } from "../origin";

export type Trust = "page" | "content" | null;

export interface Self {
  /** `runtime.id`: the gecko id in Firefox, the extension id in Chrome. */
  id: string;
  /** `chrome-extension://<id>` or `moz-extension://<per-profile uuid>`. */
  origin: string;
}

export function classifySender(sender: Runtime.MessageSender, self: Self): Trust {
  // Another extension (or a web page through externally_connectable) carries another id.
  if (sender.id !== self.id) return null;
  const extensionOrigin = self.origin;
  if (sender.tab === undefined) {
    // Extension pages not in a tab (the popup, the background itself) have no tab.
    return originOf(sender.url) === extensionOrigin ? "page" : null;
  }
  // An extension page opened in a tab (options page, popup opened as a page).
  if (originOf(sender.url) === extensionOrigin && originOf(sender.tab.url) === extensionOrigin) {
    return "page";
  }
  if (sender.frameId !== 0 || sender.tab.id === undefined) return null;
  // Both the frame's URL and the tab's URL must be IamOffice: a navigation racing the message
  // would otherwise let a message sent by the old page act for the new one.
  if (!isIamOfficeUrl(sender.tab.url) || !isIamOfficeUrl(sender.url ?? sender.tab.url)) return null;
  return "content";
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    // moz-extension:// and chrome-extension:// URLs have an opaque "null" origin in some engines.
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}
