// "Copy a detection report", from the popup: the content script's tools in the tab's frame
// showing the login window (or the top one) outline what they see, without any value
// (src/content/report.ts), given the page's taught field map if there is one.
// Belt and braces, every saved password (when the vault is open) is blanked out of the text
// before it reaches the popup, should a page ever have echoed one into its markup.
import browser from "../browser";
import type { Result } from "../protocol";
import { isIamOfficeUrl } from "../origin";
import * as vault from "./vault";
import { frameShowing } from "./frames";
import { findTab } from "./browser-tabs";
import { sendToTools } from "./content-tools";
import { fieldMapFor } from "./field-maps";
import { tabInfo } from "./tabs";

const MAX_REPORT = 50_000;
// Shorter saved passwords would blank ordinary words.
const MIN_SCRUBBED = 4;

export async function detectionReport(tabId: number): Promise<Result<string>> {
  const tab = await findTab(tabId);
  if (!tab || !isIamOfficeUrl(tab.url)) return { ok: false, error: "forbidden" };
  const frameId = frameShowing(await tabInfo(tabId), "login");
  const frame = await browser.webNavigation.getFrame({ tabId, frameId }).catch(() => null);
  const fieldMap = (await fieldMapFor(frame?.url)) ?? null;
  const r = await sendToTools(tabId, "tab.report", { fieldMap }, frameId);
  if (typeof r?.text !== "string") return { ok: false, error: "login_no_window" };
  let text = r.text.slice(0, MAX_REPORT);
  const entries = await vault.entries();
  if (Array.isArray(entries)) {
    for (const e of entries) {
      if (e.password.length >= MIN_SCRUBBED) text = text.split(e.password).join("[…]");
    }
  }
  return { ok: true, value: text };
}
