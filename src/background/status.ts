// The popup's one-call snapshot: vault state, the current IamOffice tab, pending save, hints.
import type { StatusSnapshot } from "../protocol";
import { isIamOfficeUrl } from "../origin";
import { parseVendorFragment } from "../hash-url";
import { activeTab, iamOfficeTabs } from "./browser-tabs";
import { minutesLeftNow } from "./idle-watch";
import { pendingSaveSummary } from "./save-offer";
import { allTabInfo } from "./tabs";
import * as vault from "./vault";

export async function statusSnapshot(): Promise<StatusSnapshot> {
  // Every read at once: the popup's first paint waits for this snapshot, and each read is a
  // round trip to the browser. The IamOffice tabs are listed whether or not the active tab is one.
  const [v, active, others, tabs, minutesLeft, pendingSave] = await Promise.all([
    vault.status(),
    activeTab(),
    iamOfficeTabs(),
    allTabInfo(),
    minutesLeftNow(),
    pendingSaveSummary(),
  ]);
  const tab = active && isIamOfficeUrl(active.url) ? active : others[0];
  let tabStatus: StatusSnapshot["tab"] = null;
  let hint: StatusSnapshot["hint"] = null;
  if (tab?.id !== undefined) {
    const info = tabs[String(tab.id)];
    tabStatus = {
      tabId: tab.id,
      state: info?.state ?? "unknown",
      ...(info?.identifier ? { identifier: info.identifier } : {}),
      ...(info?.workspace ? { workspace: info.workspace } : {}),
      ...(minutesLeft !== null && info?.state === "logged-in" ? { minutesLeft } : {}),
      ...(info?.notice
        ? {
            notice:
              info.notice.kind === "refused"
                ? { kind: "refused", name: info.notice.name }
                : info.notice.kind === "workspace"
                  ? { kind: "workspace", entryIds: [...info.notice.entryIds] }
                  : { kind: "choose" },
          }
        : {}),
    };
    const f = parseVendorFragment(tab.url ? new URL(tab.url).hash : "");
    // Only the workspace and identifier: a password in the URL is never copied anywhere.
    if (f.workspace || f.identifier) {
      hint = {
        ...(f.workspace ? { workspace: f.workspace } : {}),
        ...(f.identifier ? { identifier: f.identifier } : {}),
      };
    }
  }
  return { vault: v, tab: tabStatus, pendingSave, hint };
}
