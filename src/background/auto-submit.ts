// "Also log in after filling": one automatic submit per entry and tab until the user acts. A
// page that refuses the password and shows its login window again (after a post and reload, or
// in place) must not get the same password submitted on every load: that would lock the
// user's IamOffice account. The tab's record (tabs.ts) keeps which entries were tried;
// the user's own actions — a login typed by hand, a one-click login, an address they open —
// give the tab its tries back.
import { displayName } from "../entries/order";
import type { PageState } from "../protocol";
import type { TabInfo } from "../storage/schema";
import { updateTabInfo } from "./tabs";
import * as vault from "./vault";

export function mayAutoSubmit(info: TabInfo | undefined, entryId: string): boolean {
  return !info?.autoSubmitPending && !info?.autoSubmitted?.includes(entryId);
}

/** We are about to submit `entryId` automatically in this tab. */
export async function noteAutoSubmit(tabId: number, entryId: string): Promise<void> {
  await updateTabInfo(tabId, (info) => ({
    autoSubmitted: [...(info?.autoSubmitted ?? []), entryId],
    autoSubmitPending: entryId,
  }));
}

/**
 * After the tab reports its state: a login settles the pending automatic submit; the login
 * window coming back first means IamOffice refused that password — the user is told (badge and
 * popup; the caller refreshes the badge), and no automatic submit follows.
 */
export async function settleAutoSubmit(
  tabId: number,
  before: TabInfo | undefined,
  state: PageState,
): Promise<void> {
  const pending = before?.autoSubmitPending;
  if (!pending || state === "unknown") return;
  if (state === "logged-in") {
    await updateTabInfo(tabId, { autoSubmitPending: undefined });
    return;
  }
  const got = await vault.get(pending);
  const name = got.ok ? displayName(got.value) : "";
  await updateTabInfo(tabId, {
    autoSubmitPending: undefined,
    notice: { kind: "refused", entryId: pending, name },
  });
}

/** The user acted in or for this tab: automatic submits are allowed again, notices are read. */
export async function userActed(tabId: number): Promise<void> {
  await updateTabInfo(tabId, {
    autoSubmitted: [],
    autoSubmitPending: undefined,
    notice: undefined,
  });
}
