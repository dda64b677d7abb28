// Typed content → background messages, and the one way our worker's messages are answered.
import type { ContentMessages, RequestOf, ResponseOf } from "../protocol";
import { api } from "./api";

export async function send<K extends keyof ContentMessages>(
  type: K,
  ...payload: RequestOf<ContentMessages, K> extends undefined ? [] : [RequestOf<ContentMessages, K>]
): Promise<ResponseOf<ContentMessages, K> | undefined> {
  if (!api) return undefined;
  try {
    return await api.runtime.sendMessage<unknown, ResponseOf<ContentMessages, K>>({
      type,
      payload: payload[0],
    });
  } catch {
    // The extension was reloaded or updated under this page: stay silent, do nothing.
    return undefined;
  }
}

/**
 * Answers our worker's messages to this frame with `handle`; an undefined answer leaves the
 * message to the other listener of the frame (the content script and its on-demand tools each
 * answer their own). Only our own worker can message a content script (runtime messages never
 * come from the page); still, anything that does not come from this extension is refused.
 */
export function onWorkerMessage(handle: (raw: unknown) => unknown): void {
  const ext = api;
  if (!ext) return;
  ext.runtime.onMessage.addListener(((
    raw: unknown,
    sender: { id?: string; tab?: unknown },
    sendResponse: (r: unknown) => void,
  ) => {
    if (sender.id !== ext.runtime.id || sender.tab !== undefined) return;
    const answer = handle(raw);
    if (answer === undefined) return;
    // Chrome without the polyfill: answer through sendResponse and keep the channel open.
    void Promise.resolve(answer).then(sendResponse);
    return true;
  }) as Parameters<typeof ext.runtime.onMessage.addListener>[0]);
}
