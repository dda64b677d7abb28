// Typed content → background messages.
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
