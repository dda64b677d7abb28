// One-click login: pick (or open) the IamOffice tab, log a different account out, fill, submit.
// What the tab shows is known from its content script's own reports (tabs.ts), so the fill is
// sent at once, without asking first; a tab that shows no login window yet gets a pending login
// (pending-login.ts), completed when its content script next asks for a fill.
import browser from "../browser";
import type { Tabs } from "webextension-polyfill";
import { sameAccount, type Entry } from "../entries/rules";
import { iamOfficeHome, isIamOfficeUrl } from "../origin";
import { fail, type Result } from "../result";
import type { TabInfo } from "../storage/schema";
import { userActed } from "./auto-submit";
import { fillCommand, noteLoggedInAs } from "./autofill";
import { activeTab, focusTab, iamOfficeTabs, sendToTab } from "./browser-tabs";
import * as idle from "./idle-watch";
import {
  clearPendingLogin,
  notifyLoginFailed,
  pendingWhileLoggedIn,
  startPendingLogin,
} from "./pending-login";
import { tabInfo } from "./tabs";
import * as vault from "./vault";
import { frameShowing } from "./frames";

async function pickTab(newTab: boolean): Promise<{ tab: Tabs.Tab; fresh: boolean }> {
  if (!newTab) {
    const active = await activeTab();
    if (active && isIamOfficeUrl(active.url)) return { tab: active, fresh: false };
    const [existing] = await iamOfficeTabs();
    if (existing) {
      await focusTab(existing);
      return { tab: existing, fresh: false };
    }
  }
  return { tab: await openHome(), fresh: true };
}

const openHome = () => browser.tabs.create({ url: iamOfficeHome(), active: true });

/** A new IamOffice tab whose login window will be filled when it shows. */
async function loginInNewTab(entry: Entry): Promise<Result> {
  const tab = await openHome();
  if (tab.id === undefined) return fail("login_unreachable");
  await startPendingLogin(tab.id, entry.id);
  return { ok: true };
}

export async function oneClickLogin(args: { entryId: string; newTab: boolean }): Promise<Result> {
  const got = await vault.get(args.entryId);
  if (!got.ok) return got;
  const entry = got.value;
  const { tab, fresh } = await pickTab(args.newTab);
  if (tab.id === undefined) return fail("login_unreachable");
  // The user chose this login: the tab's automatic-submit tries and notices start over.
  await userActed(tab.id);
  if (fresh) {
    await startPendingLogin(tab.id, entry.id);
    return { ok: true };
  }
  const info = await tabInfo(tab.id);
  if (info?.state === "logged-in") return switchAccount(tab.id, entry, info);
  // The frame showing the login window: the top one unless an IamOffice frame of the tab
  // reported it (frames.ts).
  const r = await sendToTab(
    tab.id,
    "tab.fill",
    fillCommand(entry, { submit: true, replace: true }),
    frameShowing(info, "login"),
  );
  // No content script answers (the tab predates an install or update of the extension).
  // Reloading it could throw away the user's unsaved work: use a new tab instead.
  if (!r) return loginInNewTab(entry);
  if (r.ok) {
    await noteLoggedInAs(tab.id, entry);
    return { ok: true };
  }
  // Page still loading or showing something else: fill when the login window appears.
  if (r.reason === "no_window" && info?.state !== "login") {
    await startPendingLogin(tab.id, entry.id);
    return { ok: true };
  }
  return fail("login_no_window");
}

/**
 * The tab shows the application logged in. Already the wanted account → done. Someone else
 * (or someone we cannot name) → log out through the page's own control; the fill happens when
 * the login window shows (content.requestFill → autofill.ts).
 */
async function switchAccount(
  tabId: number,
  entry: Entry,
  info: TabInfo | undefined,
): Promise<Result> {
  if (info?.identifier !== undefined && info.workspace !== undefined && sameAccount(info, entry)) {
    await clearPendingLogin();
    return { ok: true };
  }
  await startPendingLogin(tabId, entry.id, true);
  // Our own click is an untrusted event the content script does not report: tell the idle
  // clock here, so the login window that follows is not taken for an idle logout.
  await idle.activity({ logoutClick: true });
  const out = await sendToTab(tabId, "tab.logout", undefined, frameShowing(info, "logged-in"));
  if (!out?.ok) {
    await clearPendingLogin();
    return fail("login_logout_failed");
  }
  return { ok: true };
}

/** A tab with a pending login turned out to be logged in already (shared session cookie). */
export async function pendingMeetsLoggedIn(tabId: number): Promise<void> {
  const entryId = await pendingWhileLoggedIn(tabId);
  if (entryId === null) return;
  const got = await vault.get(entryId);
  if (!got.ok) return;
  const r = await switchAccount(tabId, got.value, await tabInfo(tabId));
  if (!r.ok) await notifyLoginFailed("err_login_logout_failed");
}
