// Handlers for our content script, already checked by the router to be in the top frame of an
// exact-origin IamOffice tab (so `sender.tab.id` exists). The entry to fill is chosen here,
// from the tab's page-load URL and the user's settings, never from anything in the payload.
import type { Runtime } from "webextension-polyfill";
import type { ContentMessages, Entry, NoFillReason, PageState, ResponseOf } from "../protocol";
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

/** The entry a page-load autofill may use in this tab (URL fragment hint, else most recent). */
export function entryForUrl(entries: Entry[], url: string | undefined): Entry | undefined {
  let hash = "";
  try {
    hash = new URL(url ?? "").hash;
  } catch {
    // No URL: no hint.
  }
  return pickEntryForPage(entries, parseVendorFragment(hash));
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
      // fixes the URL whose fragment chooses the entry.
      await updateTabInfo(tabId, {
        loadUrl: sender.url ?? sender.tab.url,
        autoSubmitDone: false,
        loadedAt: Date.now(),
        lastFill: undefined,
      });
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
    const none = async (reason: NoFillReason) => {
      await updateTabInfo(tabId, { lastFill: reason });
      return { fill: null, reason };
    };
    const settings = await getSettings();
    if (!settings.autofillOnLoad) return none("disabled");
    const all = await vault.entries();
    if (!Array.isArray(all)) {
      if (all.error === "locked") {
        // Tell the user one click is needed; the fill happens right after unlock.
        await updateTabInfo(tabId, { waitingForUnlock: true });
        await refreshBadge();
        return none("locked");
      }
      return none("no_entry");
    }
    const info = await tabInfo(tabId);
    const entry = entryForUrl(all, info?.loadUrl ?? sender.tab.url);
    if (!entry) return none("no_entry");
    // Auto-submit at most once per page load: never after the user's own Déconnexion (they
    // may want another account), never in a loop on a login the site refuses.
    const submit = settings.submitAfterAutofill && !info?.autoSubmitDone;
    if (submit) {
      await updateTabInfo(tabId, { autoSubmitDone: true });
      await noteLoggedInAs(tabId, entry);
    }
    return { fill: fillCommand(entry, { submit, replace: false }) };
  },

  "content.fillResult": async (p, sender) => {
    const ok = (p as { ok?: unknown } | null)?.ok;
    if (typeof ok !== "boolean") return undefined;
    await updateTabInfo(sender.tab.id, { lastFill: ok ? "filled" : "refused" });
    return undefined;
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
