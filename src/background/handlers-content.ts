// Handlers for our content script, already checked by the router to be in the top frame of an
// exact-origin IamOffice tab (so `sender.tab.id` exists). The entry to fill is chosen here,
// from the tab's page-load fragment and the user's settings, never from anything in the payload.
import type { Runtime } from "webextension-polyfill";
import type { ContentMessages, Entry, PageState, ResponseOf } from "../protocol";
import type { PageHint } from "../storage/schema";
import { parseVendorFragment } from "../hash-url";
import { pickEntryForPage } from "../entries";
import * as vault from "./vault";
import { getSettings } from "./settings-store";
import { fillCommand, noteLoggedInAs, pendingMeetsLoggedIn, takePendingFor } from "./login";
import { tabInfo, updateTabInfo } from "./tabs";
import { offerSave } from "./save-prompt";
import { refreshBadge } from "./badge";
import * as idle from "./idle-watch";

type Sender = Runtime.MessageSender & { tab: { id: number; url?: string } };
type Handlers = {
  [K in keyof ContentMessages]: (
    payload: unknown,
    sender: Sender,
  ) => Promise<ResponseOf<ContentMessages, K>>;
};

const STATES: readonly PageState[] = ["login", "logged-in", "unknown"];
const MAX_FIELD = 1000;
const shortStr = (v: unknown): v is string => typeof v === "string" && v.length <= MAX_FIELD;

/**
 * Which account a page URL's vendor fragment asks for: the workspace and identifier only. This,
 * not the URL, is what may be kept: an old bookmark's URL holds its password.
 */
export function pageHint(url: string | undefined): PageHint {
  let hash = "";
  try {
    hash = new URL(url ?? "").hash;
  } catch {
    // No URL: no hint.
  }
  const { workspace, identifier } = parseVendorFragment(hash);
  return { ...(workspace ? { workspace } : {}), ...(identifier ? { identifier } : {}) };
}

/** The entry a page-load autofill may use in this tab (URL fragment hint, else most recent). */
export function entryForUrl(entries: Entry[], url: string | undefined): Entry | undefined {
  return pickEntryForPage(entries, pageHint(url));
}

export const contentHandlers: Handlers = {
  "content.pageState": async (p, sender) => {
    const o = p as { state?: unknown; load?: unknown } | null;
    const state = o && STATES.includes(o.state as PageState) ? (o.state as PageState) : null;
    if (!state) return undefined;
    const tabId = sender.tab.id;
    if (o?.load === true) {
      // A new document: the content script only starts on a real page load, which a page's
      // pushState or hash change is not (Chromium's tabs.onUpdated reports those as
      // "loading" too). The page load counts as activity, gets its one auto-submit back, and
      // fixes which account its fragment asks for (kept without the URL and its password).
      const loadHint = pageHint(sender.url ?? sender.tab.url);
      await updateTabInfo(tabId, { loadHint, autoSubmitDone: false });
      await idle.activity();
    }
    const { previous } = await updateTabInfo(tabId, {
      state,
      ...(state !== "login" ? { waitingForUnlock: false } : {}),
    });
    await idle.tabState(tabId, previous?.state, state);
    if (state === "logged-in") await pendingMeetsLoggedIn(tabId);
    await refreshBadge();
    return undefined;
  },

  "content.requestFill": async (_p, sender) => {
    const tabId = sender.tab.id;
    const pending = await takePendingFor(tabId);
    if (pending) {
      await noteLoggedInAs(tabId, pending);
      return { fill: fillCommand(pending, { submit: true, replace: true }) };
    }
    const settings = await getSettings();
    if (!settings.autofillOnLoad) return { fill: null, reason: "disabled" };
    const all = await vault.entries();
    if (!Array.isArray(all)) {
      if (all.error === "locked") {
        // Tell the user one click is needed; the fill happens right after unlock.
        await updateTabInfo(tabId, { waitingForUnlock: true });
        await refreshBadge();
        return { fill: null, reason: "locked" };
      }
      return { fill: null, reason: "no_entry" };
    }
    const info = await tabInfo(tabId);
    const entry = pickEntryForPage(all, info?.loadHint ?? pageHint(sender.tab.url));
    if (!entry) return { fill: null, reason: "no_entry" };
    // Auto-submit at most once per page load: never after the user's own Déconnexion (they
    // may want another account), never in a loop on a login the site refuses.
    const submit = settings.submitAfterAutofill && !info?.autoSubmitDone;
    if (submit) {
      await updateTabInfo(tabId, { autoSubmitDone: true });
      await noteLoggedInAs(tabId, entry);
    }
    return { fill: fillCommand(entry, { submit, replace: false }) };
  },

  "content.activity": async (p) => {
    const logoutClick = (p as { logoutClick?: unknown } | null)?.logoutClick === true;
    await idle.activity({ logoutClick });
    return undefined;
  },

  "content.submitted": async (p, sender) => {
    const o = p as Record<string, unknown> | null;
    if (!o || !shortStr(o.workspace) || !shortStr(o.identifier) || !shortStr(o.password)) {
      return undefined;
    }
    const creds = { workspace: o.workspace, identifier: o.identifier, password: o.password };
    const entryId = await offerSave(creds);
    // Who the tab is now logged in as; the saved entry only when it is that very account.
    await updateTabInfo(sender.tab.id, {
      workspace: creds.workspace,
      identifier: creds.identifier,
      entryId,
    });
    return undefined;
  },
};
