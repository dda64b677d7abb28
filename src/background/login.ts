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

async function setPending(tabId: number, entryId: string, loggingOut = false): Promise<void> {
  await session.set({
    pendingLogin: { tabId, entryId, deadline: Date.now() + LOGIN_TIMEOUT_MS, loggingOut },
  });
  await browser.alarms.create(LOGIN_ALARM, { when: Date.now() + LOGIN_TIMEOUT_MS });
}

export async function clearPending(): Promise<void> {
  await session.remove("pendingLogin");
  await browser.alarms.clear(LOGIN_ALARM);
}

/** Records a submitted login: the tab's identity, and the entry's last use. */
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
  if (fresh) {
    await setPending(tab.id, entry.id);
    return { ok: true };
  }
  const probe = await sendToTab(tab.id, "tab.probe", undefined);
  if (!probe) {
    // No content script answers (tab loaded before install, or a crashed page): reload it.
    await setPending(tab.id, entry.id);
    await browser.tabs.reload(tab.id);
    return { ok: true };
  }
  if (probe.state === "login") {
    const r = await sendToTab(
      tab.id,
      "tab.fill",
      fillCommand(entry, { submit: true, replace: true }),
    );
    if (!r || !r.ok) return { ok: false, error: "login_no_window" };
    await noteLoggedInAs(tab.id, entry);
    return { ok: true };
  }
  if (probe.state === "logged-in") {
    const info = await tabInfo(tab.id);
    if (info && sameAccount(info, entry)) return { ok: true };
    // Logged in as someone else (or someone we cannot name): log out through the page's own
    // control, then fill when the login window shows.
    await setPending(tab.id, entry.id, true);
    const out = await sendToTab(tab.id, "tab.logout", undefined);
    if (!out?.ok) {
      await clearPending();
      return { ok: false, error: "login_logout_failed" };
    }
    return { ok: true };
  }
  // Page still loading or showing something else: fill when the login window appears.
  await setPending(tab.id, entry.id);
  return { ok: true };
}

/** The pending login for this tab, if any and not expired; consumed by the caller. */
export async function takePendingFor(tabId: number): Promise<Entry | null> {
  const p = await session.get("pendingLogin");
  if (!p || p.tabId !== tabId) return null;
  await clearPending();
  if (Date.now() > p.deadline) return null;
  const got = await vault.get(p.entryId);
  return got.ok ? got.value : null;
}
