// Per-tab knowledge (page state, who is logged in) in storage.session, and typed messaging to
// the content script of one tab (top frame only).
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

export function updateTabInfo(
  tabId: number,
  patch: Partial<TabInfo> | null,
): Promise<{ previous: TabInfo | undefined; next: TabInfo | undefined }> {
  return sessionSerial(async () => {
    const all = await allTabInfo();
    const key = String(tabId);
    const previous = all[key];
    if (patch === null) delete all[key];
    else all[key] = { state: "unknown", ...previous, ...patch };
    await session.set({ tabs: all });
    return { previous, next: all[key] };
  });
}

/**
 * At lock, each tab keeps only what the idle watch and the relogin offer need: its page state,
 * the opaque id of the entry it was filled with, whether its one auto-submit was used, and
 * whether it waits for an unlock. What names an account (the page load's workspace and
 * identifier, who the tab is logged in as) goes, as does any field this version does not know.
 * A login window shown after the unlock is then matched to the tab's live fragment.
 */
export function forgetTabDetails(): Promise<void> {
  return sessionSerial(async () => {
    const kept: Record<string, TabInfo> = {};
    for (const [key, info] of Object.entries(await allTabInfo())) {
      const { state, entryId, autoSubmitDone, waitingForUnlock } = info;
      kept[key] = {
        state,
        ...(entryId !== undefined ? { entryId } : {}),
        ...(autoSubmitDone !== undefined ? { autoSubmitDone } : {}),
        ...(waitingForUnlock !== undefined ? { waitingForUnlock } : {}),
      };
    }
    await session.set({ tabs: kept });
  });
}

/** Sends to our content script in the tab's top frame; null when nothing answers. */
export async function sendToTab<K extends keyof TabMessages>(
  tabId: number,
  type: K,
  payload: RequestOf<TabMessages, K>,
): Promise<ResponseOf<TabMessages, K> | null> {
  try {
    const r: unknown = await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 });
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
