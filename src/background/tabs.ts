// What the worker knows of each IamOffice tab (page state, who is logged in, the account its
// address named, the automatic-submit guard, the last fill's outcome), in storage.session. The
// owner of the tab records: every write goes through the session queue, so a read-modify-write
// never interleaves with another.
import type { TabInfo, TabRecords } from "../storage/schema";
import { tabsItem } from "../storage/items";
import { isIamOfficeUrl } from "../origin";
import { findTab } from "./browser-tabs";
import { sessionSerial } from "./serial";

export function allTabInfo(): Promise<TabRecords> {
  return tabsItem.get();
}

export async function tabInfo(tabId: number): Promise<TabInfo | undefined> {
  return (await allTabInfo())[String(tabId)];
}

/**
 * Changes one tab's record (null: forgets it). `patch` may be a function of the current record,
 * for changes that build on it (the read and the write are one step of the session queue).
 */
export function updateTabInfo(
  tabId: number,
  patch: Partial<TabInfo> | null | ((current: TabInfo | undefined) => Partial<TabInfo>),
): Promise<{ previous: TabInfo | undefined; next: TabInfo | undefined }> {
  return sessionSerial(async () => {
    const all = await allTabInfo();
    const key = String(tabId);
    const previous = all[key];
    const change = typeof patch === "function" ? patch(previous) : patch;
    if (change === null) delete all[key];
    else all[key] = { state: "unknown", ...previous, ...change };
    await tabsItem.set(all);
    return { previous, next: all[key] };
  });
}

/** Changes every tab's record at once, in one write. */
function updateAll(change: (info: TabInfo, tabId: number) => TabInfo): Promise<void> {
  return sessionSerial(async () => {
    const all = await allTabInfo();
    for (const [key, info] of Object.entries(all)) all[key] = change(info, Number(key));
    await tabsItem.set(all);
  });
}

/**
 * Forgets a tab that has left IamOffice, unless it is back there by the time this step runs.
 * The "left" event is handled asynchronously: by then the tab may already show a new IamOffice
 * document whose content script has reported its load, and that record must stay. The check
 * and the delete are one step of the session queue, which every write of the record goes
 * through. Resolves true when a record was forgotten.
 */
export function forgetTabIfGone(tabId: number): Promise<boolean> {
  return sessionSerial(async () => {
    const all = await allTabInfo();
    const key = String(tabId);
    if (!all[key]) return false;
    const now = await findTab(tabId);
    if (now && isIamOfficeUrl(now.url)) return false;
    delete all[key];
    await tabsItem.set(all);
    return true;
  });
}

/**
 * At lock, each tab keeps only what the idle watch, the relogin offer and the automatic-submit
 * guard need: its page state, the opaque ids of the entry it was filled with and of the entries
 * auto-submitted there, whether it waits for an unlock, and its document's fill outcome. What
 * names an account (the address's workspace and identifier, who the tab is logged in as, a
 * notice naming an entry) goes. A login window shown after the unlock then gets the default
 * entry, never one a hint named before the lock.
 */
export function forgetTabDetails(): Promise<void> {
  return updateAll((info) => {
    const { state, entryId, waitingForUnlock, autoSubmitted, autoSubmitPending } = info;
    const { loadedAt, lastFill } = info;
    return {
      state,
      ...(entryId !== undefined ? { entryId } : {}),
      ...(waitingForUnlock !== undefined ? { waitingForUnlock } : {}),
      ...(autoSubmitted !== undefined ? { autoSubmitted } : {}),
      ...(autoSubmitPending !== undefined ? { autoSubmitPending } : {}),
      ...(loadedAt !== undefined ? { loadedAt } : {}),
      ...(lastFill !== undefined ? { lastFill } : {}),
    };
  });
}

/** At reset: nothing may keep pointing at erased entries (waiting windows, tab identities). */
export function forgetEntries(): Promise<void> {
  return updateAll((info) => ({ ...info, waitingForUnlock: false, entryId: undefined }));
}

/**
 * At unlock: no tab waits any more. Resolves the tabs that waited with their login window still
 * showing (with their record), which the caller asks to request their fill again.
 */
export async function releaseWaitingTabs(): Promise<{ tabId: number; info: TabInfo }[]> {
  const showing: { tabId: number; info: TabInfo }[] = [];
  await updateAll((info, tabId) => {
    if (!info.waitingForUnlock) return info;
    if (info.state === "login") showing.push({ tabId, info });
    return { ...info, waitingForUnlock: false };
  });
  return showing;
}
