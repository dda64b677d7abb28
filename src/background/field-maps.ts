// "Teach the login fields": the popup starts pick mode in the IamOffice tab's top frame, the
// content script sends back where the user clicked (locators, never values), and the map is
// kept per page path in storage.local, used before the heuristics from then on and listed in
// the options page with Forget. A map is accepted only from the very document the teaching was
// started in: a tab that navigated away ends it.
import type { Runtime } from "webextension-polyfill";
import type { FieldMapSummary, Result } from "../protocol";
import { asFieldMap, MAX_FIELD_MAPS, pageKey, type FieldMap } from "../field-map";
import { isIamOfficeUrl } from "../origin";
import { fieldMapsItem, teachingItem } from "../storage/items";
import { findTab, sendToTab } from "./browser-tabs";
import { sendToTools } from "./content-tools";
import { sessionSerial } from "./serial";
import { tabInfo, updateTabInfo } from "./tabs";

type Sender = Runtime.MessageSender & { tab: { id: number } };

export async function fieldMapFor(url: string | undefined): Promise<FieldMap | undefined> {
  const key = pageKey(url);
  const stored = key === null ? undefined : (await fieldMapsItem.get())[key];
  return stored ? (asFieldMap(stored) ?? undefined) : undefined;
}

/** From the popup: pick mode in that IamOffice tab's top frame. */
export async function startTeach(tabId: number): Promise<Result> {
  const tab = await findTab(tabId);
  if (!tab || !isIamOfficeUrl(tab.url)) return { ok: false, error: "forbidden" };
  const r = await sendToTools(tabId, "tab.teach", undefined);
  if (!r?.ok) return { ok: false, error: "login_no_window" };
  const loadedAt = (await tabInfo(tabId))?.loadedAt ?? 0;
  await teachingItem.set({ tabId, loadedAt });
  await updateTabInfo(tabId, { lastTeach: undefined });
  return { ok: true };
}

/** Takes the teaching under way in the sender's document, if it is that one. */
function takeTeaching(sender: Sender): Promise<boolean> {
  return sessionSerial(async () => {
    const t = await teachingItem.get();
    if (!t || t.tabId !== sender.tab.id || (sender.frameId ?? 0) !== 0) return false;
    await teachingItem.remove();
    return ((await tabInfo(sender.tab.id))?.loadedAt ?? 0) === t.loadedAt;
  });
}

export async function saveTaught(payload: unknown, sender: Sender): Promise<{ ok: boolean }> {
  const map = asFieldMap((payload as { map?: unknown } | null)?.map);
  const key = pageKey(sender.url);
  if (!map || key === null || !(await takeTeaching(sender))) return { ok: false };
  const all = { ...(await fieldMapsItem.get()), [key]: { ...map, savedAt: Date.now() } };
  const kept = Object.entries(all)
    .sort(([, a], [, b]) => b.savedAt - a.savedAt)
    .slice(0, MAX_FIELD_MAPS);
  await fieldMapsItem.set(Object.fromEntries(kept));
  await updateTabInfo(sender.tab.id, { lastTeach: "saved" });
  // The content script uses the map at once: it fills the form, without submitting.
  await sendToTab(sender.tab.id, "tab.taught", map);
  return { ok: true };
}

export async function endTeach(payload: unknown, sender: Sender): Promise<undefined> {
  const outcome = (payload as { outcome?: unknown } | null)?.outcome;
  if (outcome !== "cancelled" && outcome !== "refused") return undefined;
  if (await takeTeaching(sender)) await updateTabInfo(sender.tab.id, { lastTeach: outcome });
  return undefined;
}

export async function listFieldMaps(): Promise<Result<{ pages: FieldMapSummary[] }>> {
  const all = await fieldMapsItem.get();
  const pages = Object.entries(all)
    .map(([page, m]) => ({ page, savedAt: m.savedAt }))
    .sort((a, b) => a.page.localeCompare(b.page));
  return { ok: true, value: { pages } };
}

export async function forgetFieldMap(page: string): Promise<Result> {
  const all = { ...(await fieldMapsItem.get()) };
  if (!Object.hasOwn(all, page)) return { ok: false, error: "not_found" };
  delete all[page];
  await fieldMapsItem.set(all);
  return { ok: true };
}
