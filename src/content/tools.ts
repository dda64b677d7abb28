// The content script's on-demand tools: "Teach the login fields" (pick mode) and "Copy a
// detection report". Neither is needed on an ordinary page load, so they are not part of the
// script injected into every IamOffice frame (src/content/index.ts): the worker injects this
// file into one frame the first time the popup asks for one of them
// (src/background/content-tools.ts), in the same isolated world as the content script.
import type { TabMessage } from "../protocol";
import { onWorkerMessage } from "./messages";
import { detectionReport } from "./report";
import { teach } from "./teach";

onWorkerMessage((raw) => {
  const msg = raw as TabMessage;
  switch (msg?.type) {
    case "tab.tools":
      return { ok: true };
    case "tab.teach":
      return { ok: teach(document) };
    case "tab.report":
      return { text: detectionReport(document, { fieldMap: msg.payload.fieldMap }) };
    default:
      return undefined;
  }
});
