// The popup's one-call snapshot: vault state, the current IamOffice tab, pending save, hints.
import type { StatusSnapshot } from "../protocol";
import { isIamOfficeUrl } from "../origin";
import { parseVendorFragment } from "../hash-url";
import { activeTab, iamOfficeTabs } from "./browser-tabs";
import { minutesLeftNow } from "./idle-watch";
import { pendingSaveSummary } from "./save-offer";
import { tabInfo } from "./tabs";
import * as vault from "./vault";

export async function statusSnapshot(): Promise<StatusSnapshot> {
  const v = await vault.status();
  const active = await activeTab();
  const tab = active && isIamOfficeUrl(active.url) ? active : (await iamOfficeTabs())[0];
  let tabStatus: StatusSnapshot["tab"] = null;
  let hint: StatusSnapshot["hint"] = null;
  if (tab?.id !== undefined) {
    const info = await tabInfo(tab.id);
    const minutesLeft = await minutesLeftNow();
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
  return { vault: v, tab: tabStatus, pendingSave: await pendingSaveSummary(), hint };
}
