// One-click login: pick (or open) the IamOffice tab, log a different account out, fill, submit.
// Every wait is event-driven: a "pending login" in storage.session is completed when the tab's
// content script next shows a login window (content.requestFill), and an alarm gives up after
// LOGIN_TIMEOUT_MS with a notification — so a worker restart mid-login loses nothing.
import browser from "../browser";
import type { Tabs } from "webextension-polyfill";
import type { Entry, FillCommand, Result } from "../protocol";
import { iamOfficeHome, isIamOfficeUrl } from "../origin";
import { session } from "../storage";
import * as vault from "./vault";
import { activeTab, focusTab, iamOfficeTabs, sendToTab, tabInfo, updateTabInfo } from "./tabs";
import { sameAccount } from "../entries";
import { sessionSerial } from "./serial";
import { message, notify, NOTE } from "./notifications";
import * as idle from "./idle-watch";
import { userActed } from "./auto-submit";
import { frameShowing } from "./frames";

export const LOGIN_TIMEOUT_MS = 30_000;
export const LOGIN_ALARM = "login-timeout";

export function fillCommand(
  entry: Entry,
  opts: { submit: boolean; replace: boolean },
): FillCommand {
  return {
    entryId: entry.id,
    workspace: entry.workspace,
    identifier: entry.identifier,
    password: entry.password,
    submit: opts.submit,
    replace: opts.replace,
  };
}

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
  return { tab: await browser.tabs.create({ url: iamOfficeHome(), active: true }), fresh: true };
}

export async function setPending(
  tabId: number,
  entryId: string,
  loggingOut = false,
): Promise<void> {
  await session.set({
    pendingLogin: { tabId, entryId, deadline: Date.now() + LOGIN_TIMEOUT_MS, loggingOut },
  });
  await browser.alarms.create(LOGIN_ALARM, { when: Date.now() + LOGIN_TIMEOUT_MS });
}

export async function clearPending(): Promise<void> {
  await session.remove("pendingLogin");
  await browser.alarms.clear(LOGIN_ALARM);
}

/** Records a login we submitted: the tab's identity, and the entry's last use. */
export async function noteLoggedInAs(tabId: number, entry: Entry): Promise<void> {
  await updateTabInfo(tabId, {
    entryId: entry.id,
    workspace: entry.workspace,
    identifier: entry.identifier,
    waitingForUnlock: false,
  });
  await vault.markUsed(entry.id);
}

export async function oneClickLogin(args: { entryId: string; newTab: boolean }): Promise<Result> {
  const got = await vault.get(args.entryId);
  if (!got.ok) return got;
  const entry = got.value;
  const { tab, fresh } = await pickTab(args.newTab);
  if (tab.id === undefined) return { ok: false, error: "login_unreachable" };
  // The user chose this login: the tab's automatic-submit tries and notices start over.
  await userActed(tab.id);
  if (fresh) {
    await setPending(tab.id, entry.id);
    return { ok: true };
  }
  // The frame showing the login window (or the logout control): the top one unless an
  // IamOffice frame of the tab reported it (frames.ts).
  const frameId = frameShowing(await tabInfo(tab.id), "login", "logged-in");
  const probe = await sendToTab(tab.id, "tab.probe", undefined, frameId);
  if (!probe) {
    // No content script answers (the tab predates an install or update of the extension).
    // Reloading it could throw away the user's unsaved work: use a new tab instead.
    const fresh = await browser.tabs.create({ url: iamOfficeHome(), active: true });
    if (fresh.id === undefined) return { ok: false, error: "login_unreachable" };
    await setPending(fresh.id, entry.id);
    return { ok: true };
  }
  if (probe.state === "login") {
    const r = await sendToTab(
      tab.id,
      "tab.fill",
      fillCommand(entry, { submit: true, replace: true }),
      frameId,
    );
    if (!r || !r.ok) return { ok: false, error: "login_no_window" };
    await noteLoggedInAs(tab.id, entry);
    return { ok: true };
  }
  if (probe.state === "logged-in") return switchAccount(tab.id, entry);
  // Page still loading or showing something else: fill when the login window appears.
  await setPending(tab.id, entry.id);
  return { ok: true };
}

/**
 * The tab shows the application logged in. Already the wanted account → done. Someone else
 * (or someone we cannot name) → log out through the page's own control; the fill happens when
 * the login window shows (content.requestFill → takePendingFor).
 */
async function switchAccount(tabId: number, entry: Entry): Promise<Result> {
  const info = await tabInfo(tabId);
  if (info?.identifier !== undefined && info.workspace !== undefined && sameAccount(info, entry)) {
    await clearPending();
    return { ok: true };
  }
  await setPending(tabId, entry.id, true);
  // Our own click is an untrusted event the content script does not report: tell the idle
  // clock here, so the login window that follows is not taken for an idle logout.
  await idle.activity({ logoutClick: true });
  const out = await sendToTab(tabId, "tab.logout", undefined, frameShowing(info, "logged-in"));
  if (!out?.ok) {
    await clearPending();
    return { ok: false, error: "login_logout_failed" };
  }
  return { ok: true };
}

/** A tab with a pending login turned out to be logged in already (shared session cookie). */
export async function pendingMeetsLoggedIn(tabId: number): Promise<void> {
  const p = await session.get("pendingLogin");
  if (!p || p.tabId !== tabId || p.loggingOut || Date.now() > p.deadline) return;
  const got = await vault.get(p.entryId);
  if (!got.ok) return;
  const r = await switchAccount(tabId, got.value);
  if (!r.ok) {
    await notify(NOTE.loginFailed, {
      title: "notifLoginFailedTitle",
      message: message("err_login_logout_failed"),
    });
  }
}

/** The pending login for this tab, if any and not expired; consumed by the caller. */
export function takePendingFor(tabId: number): Promise<Entry | null> {
  return sessionSerial(async () => {
    const p = await session.get("pendingLogin");
    if (!p || p.tabId !== tabId) return null;
    await clearPending();
    if (Date.now() > p.deadline) return null;
    const got = await vault.get(p.entryId);
    return got.ok ? got.value : null;
  });
}

/** The alarm fired: give up with a notification, never silently. */
export async function onLoginTimeout(): Promise<void> {
  const p = await session.get("pendingLogin");
  await clearPending();
  if (p) {
    await notify(NOTE.loginFailed, {
      title: "notifLoginFailedTitle",
      message: message("err_login_no_window"),
    });
  }
}

/** A closed tab cannot complete its pending login. */
export async function forgetPendingFor(tabId: number): Promise<void> {
  const p = await session.get("pendingLogin");
  if (p?.tabId === tabId) await clearPending();
}
