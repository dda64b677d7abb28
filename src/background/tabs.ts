// Per-tab knowledge (page state, who is logged in) in storage.session, and typed messaging to
// the content script of one tab (its top frame, or the IamOffice frame showing the window).
import browser from "../browser";
import type { Tabs } from "webextension-polyfill";
import type { TabMessages, RequestOf, ResponseOf } from "../protocol";
import { IAMOFFICE_MATCH, isIamOfficeUrl } from "../origin";
import { session } from "../storage";
import type { TabInfo } from "../storage/schema";
import { sessionSerial } from "./serial";

export async function allTabInfo(): Promise<Record<string, TabInfo>> {
  return (await session.get("tabs")) ?? {};
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
    await session.set({ tabs: all });
    return { previous, next: all[key] };
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
    const now = await browser.tabs.get(tabId).catch(() => undefined);
    if (now && isIamOfficeUrl(now.url)) return false;
    delete all[key];
    await session.set({ tabs: all });
    return true;
  });
}

/**
 * At lock, each tab keeps only what the idle watch, the relogin offer and the automatic-submit
 * guard need: its page state, the opaque ids of the entry it was filled with and of the entries
 * auto-submitted there, whether it waits for an unlock, and its document's fill outcome. What
 * names an account (the address's workspace and identifier, who the tab is logged in as, a
 * notice naming an entry) goes, as does any field this version does not know. A login window
 * shown after the unlock then gets the default entry, never one a hint named before the lock.
 */
export function forgetTabDetails(): Promise<void> {
  return sessionSerial(async () => {
    const kept: Record<string, TabInfo> = {};
    for (const [key, info] of Object.entries(await allTabInfo())) {
      const { state, entryId, waitingForUnlock, autoSubmitted, autoSubmitPending } = info;
      const { loadedAt, lastFill } = info;
      kept[key] = {
        state,
        ...(entryId !== undefined ? { entryId } : {}),
        ...(waitingForUnlock !== undefined ? { waitingForUnlock } : {}),
        ...(autoSubmitted !== undefined ? { autoSubmitted } : {}),
        ...(autoSubmitPending !== undefined ? { autoSubmitPending } : {}),
        ...(loadedAt !== undefined ? { loadedAt } : {}),
        ...(lastFill !== undefined ? { lastFill } : {}),
      };
    }
    await session.set({ tabs: kept });
  });
}

/** Sends to our content script in one frame of the tab (the top one by default); null when nothing answers. */
export async function sendToTab<K extends keyof TabMessages>(
  tabId: number,
  type: K,
  payload: RequestOf<TabMessages, K>,
  frameId = 0,
): Promise<ResponseOf<TabMessages, K> | null> {
  try {
    const r: unknown = await browser.tabs.sendMessage(tabId, { type, payload }, { frameId });
    return (r ?? null) as ResponseOf<TabMessages, K> | null;
  } catch {
    return null;
  }
}

/** IamOffice tabs by exact origin (the match pattern alone would also accept other ports). */
export async function iamOfficeTabs(): Promise<Tabs.Tab[]> {
  const tabs = await browser.tabs.query({ url: IAMOFFICE_MATCH });
  return tabs.filter((t) => isIamOfficeUrl(t.url));
}

export async function activeTab(): Promise<Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

export async function focusTab(tab: Tabs.Tab): Promise<void> {
  if (tab.id === undefined) return;
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}
