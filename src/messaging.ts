// Typed senders for extension pages (popup, options) → background.
import { pageApi as browser } from "./page-api";
import type { PageMessages, RequestOf, ResponseOf } from "./protocol";

/** Sends one page message and returns its typed response. */
export async function send<K extends keyof PageMessages>(
  type: K,
  ...payload: RequestOf<PageMessages, K> extends undefined ? [] : [RequestOf<PageMessages, K>]
): Promise<ResponseOf<PageMessages, K>> {
  return await browser.runtime.sendMessage<unknown, ResponseOf<PageMessages, K>>({
    type,
    payload: payload[0],
  });
}
