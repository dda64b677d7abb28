// A stand-in background for connector tests: answers page messages through fake-browser's
// runtime.onMessage, from per-test handlers, and records what it received.
import { fakeBrowser } from "@webext-core/fake-browser";
import type { PageMessages } from "../../../src/protocol";

type Handlers = {
  [K in keyof PageMessages]?: (payload: PageMessages[K][0]) => PageMessages[K][1];
};

export function fakeBackground(handlers: Handlers) {
  const received: { type: keyof PageMessages; payload: unknown }[] = [];
  fakeBrowser.runtime.onMessage.addListener((raw: unknown) => {
    const { type, payload } = raw as { type: keyof PageMessages; payload: unknown };
    received.push({ type, payload });
    const handler = handlers[type] as ((p: unknown) => unknown) | undefined;
    if (!handler) return Promise.resolve({ ok: false, error: "unknown_message" });
    return Promise.resolve(handler(payload));
  });
  return {
    received,
    sent: (type: keyof PageMessages) =>
      received.filter((m) => m.type === type).map((m) => m.payload),
  };
}
