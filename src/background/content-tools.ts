// The content script's on-demand tools (src/content/tools.ts: pick mode and the detection
// report) reach a frame only when the popup asks for one of them, so the script injected into
// every IamOffice frame stays small. Injected at most once per document: the frame is asked
// first, and injections are queued so that two quick requests cannot inject twice. Only into a
// frame that is IamOffice all the way up to the tab's top, as the browser reports the chain.
import browser from "../browser";
import type { RequestOf, ResponseOf, TabMessages } from "../protocol";
import { sendToTab } from "./browser-tabs";
import { isIamOfficeFrame } from "./frames";
import { createSerial } from "./serial";

export const TOOLS_FILE = "src/content/tools.js";

type ToolMessage = "tab.teach" | "tab.report";

const injections = createSerial();

/** Injects the tools into that frame unless they are there; resolves whether they are now. */
export function ensureTools(tabId: number, frameId: number): Promise<boolean> {
  return injections(async () => {
    if ((await sendToTab(tabId, "tab.tools", undefined, frameId))?.ok) return true;
    if (!(await isIamOfficeFrame(tabId, frameId))) return false;
    try {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: [TOOLS_FILE],
      });
      return true;
    } catch {
      return false;
    }
  });
}

/** Sends a tools message to that frame, injecting the tools first if they are not there. */
export async function sendToTools<K extends ToolMessage>(
  tabId: number,
  type: K,
  payload: RequestOf<TabMessages, K>,
  frameId = 0,
): Promise<ResponseOf<TabMessages, K> | null> {
  if (!(await ensureTools(tabId, frameId))) return null;
  return sendToTab(tabId, type, payload, frameId);
}
