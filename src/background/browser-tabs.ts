// The browser's tabs as the worker uses them: finding IamOffice tabs, bringing one to the front,
// and typed messages to our content script in a tab's top frame. Keeps no state.
import browser from "../browser";
import type { Tabs } from "webextension-polyfill";
import type { RequestOf, ResponseOf, TabMessages } from "../protocol";
import { IAMOFFICE_MATCH, isIamOfficeUrl } from "../origin";

/** Sends to our content script in the tab's top frame; null when nothing answers. */
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

/** The tab, or undefined when it is gone. */
export function findTab(tabId: number): Promise<Tabs.Tab | undefined> {
  return browser.tabs.get(tabId).catch(() => undefined);
}

export async function focusTab(tab: Tabs.Tab): Promise<void> {
  if (tab.id === undefined) return;
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}
