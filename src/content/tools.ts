// The content script's on-demand tools: "Teach the login fields" (pick mode), "Copy a
// detection report", and detection on a page the user taught (taught-hook.ts). None is needed
// on an ordinary page load, so they are not part of the script injected into every IamOffice
// frame (src/content/index.ts): the worker injects this file into a frame the first time the
// popup asks for a tool there, or before it hands the frame a taught field map
// (src/background/content-tools.ts), in the same isolated world as the content script.
import type { TabMessage } from "../protocol";
import { detectTaught } from "./detect/taught";
import { onWorkerMessage } from "./messages";
import { detectionReport } from "./report";
import { teach } from "./teach";
import { provideTaught } from "./taught-hook";

// Detection on a taught page, for the content script (taught-hook.ts).
provideTaught(detectTaught);

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
