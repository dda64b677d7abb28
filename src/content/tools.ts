// The content script's on-demand tools: "Teach the login fields" (pick mode) and "Copy a
// detection report". Neither is needed on an ordinary page load, so they are not part of the
// script injected into every IamOffice frame (src/content/index.ts): the worker injects this
// file into one frame the first time the popup asks for one of them
// (src/background/content-tools.ts), in the same isolated world as the content script.
import type { TabMessage } from "../protocol";
import { api } from "./api";
import { openShadowRoots } from "./dom";
import { detectionReport } from "./report";
import { teach } from "./teach";

function onToolMessage(raw: unknown): unknown {
  const msg = raw as TabMessage;
  switch (msg?.type) {
    case "tab.tools":
      return { ok: true };
    case "tab.teach":
      return { ok: teach(document, () => openShadowRoots(document)) };
    case "tab.report":
      return { text: detectionReport(document, { fieldMap: msg.payload.fieldMap }) };
    default:
      return undefined;
  }
}

if (api) {
  const ext = api;
  // Only our own worker messages a content script; still, refuse anything else.
  ext.runtime.onMessage.addListener(((
    raw: unknown,
    sender: { id?: string; tab?: unknown },
    sendResponse: (r: unknown) => void,
  ) => {
    if (sender.id !== ext.runtime.id || sender.tab !== undefined) return;
    const answer = onToolMessage(raw);
    // Messages for the content script itself are left to its own listener.
    if (answer === undefined) return;
    sendResponse(answer);
  }) as Parameters<typeof ext.runtime.onMessage.addListener>[0]);
}
