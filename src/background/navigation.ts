// Where the account hint of each IamOffice tab comes from: the browser's own report of the
// top-frame navigation (webNavigation.onCommitted), taken before any script of the new document
// runs. See src/navigation.ts for which navigations count as the user's own.
import type { WebNavigation } from "webextension-polyfill";
import { accountHint } from "../navigation";
import { IAMOFFICE_HOST, isIamOfficeUrl } from "../origin";
import { updateTabInfo } from "./tabs";

/** Only top-frame navigations to the IamOffice host reach the listener. */
export const NAVIGATION_FILTER = { url: [{ schemes: ["https"], hostEquals: IAMOFFICE_HOST }] };

export async function onCommitted(d: WebNavigation.OnCommittedDetailsType): Promise<void> {
  if (d.frameId !== 0 || !isIamOfficeUrl(d.url)) return;
  const hint = accountHint(d);
  // An address the user opened is the user acting: automatic submits may try again.
  const fresh = hint.trusted
    ? { autoSubmitted: [], autoSubmitPending: undefined, notice: undefined }
    : {};
  // A new document: its frames have not reported yet, its window has not been filled.
  await updateTabInfo(d.tabId, { hint, frames: undefined, lastFill: undefined, ...fresh });
}
