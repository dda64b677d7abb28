// Handlers for our content script, already checked by the router to be in the top frame of an
// exact-origin IamOffice tab, or in a frame that is IamOffice all the way up to it (so
// `sender.tab.id` exists); a tab's state joins what its frames show (frames.ts). The entry to
// fill is chosen here, from the tab's page-load URL and the user's settings, never from
// anything in the payload.
import type { Runtime } from "webextension-polyfill";
import type { ContentMessages, Entry, NoFillReason, PageState, ResponseOf } from "../protocol";
import { pickEntryForLoad } from "../entries";
import type { TabInfo } from "../storage/schema";
import * as vault from "./vault";
import { getSettings } from "./settings-store";
import { fillCommand, noteLoggedInAs, pendingMeetsLoggedIn, takePendingFor } from "./login";
import { tabInfo, updateTabInfo } from "./tabs";
import { offerSave } from "./save-prompt";
import { refreshBadge } from "./badge";
import * as idle from "./idle-watch";
import { mayAutoSubmit, noteAutoSubmit, settleAutoSubmit, userActed } from "./auto-submit";
import { lockedWorkspaceRefusal } from "./locked-workspace";
import { subframeShowsLogin, withFrameState } from "./frames";
import { endTeach, fieldMapFor, saveTaught } from "./field-maps";

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
 * The entry a page-load autofill may use in this tab: from the account the user's own
 * navigation named, else the default one (src/entries.ts, pickEntryForLoad). Never from the
 * live URL, which the page can rewrite.
 */
export function entryForTab(
  entries: Entry[],
  info: TabInfo | undefined,
): { entry: Entry } | { entry?: undefined; ask: boolean } {
  return pickEntryForLoad(entries, info?.hint ?? { trusted: false });
}

export const contentHandlers: Handlers = {
  // The router let it through: this frame is IamOffice all the way up (frames.ts).
  "content.frame": () => Promise.resolve({ ok: true as const }),

  "content.pageState": async (p, sender) => {
    const o = p as { state?: unknown; load?: unknown } | null;
    const state = o && STATES.includes(o.state as PageState) ? (o.state as PageState) : null;
    if (!state) return undefined;
    const tabId = sender.tab.id;
    const frameId = sender.frameId ?? 0;
    if (o?.load === true && frameId === 0) {
      // A new document: the content script only starts on a real page load, which a page's
      // pushState or hash change is not (Chromium's tabs.onUpdated reports those as
      // "loading" too). The page load counts as activity. A frame of this document may have
      // reported and been filled already: its fill outcome stays.
      await updateTabInfo(tabId, (info) => ({
        loadedAt: Date.now(),
        lastFill: subframeShowsLogin(info) ? info?.lastFill : undefined,
      }));
      await idle.activity();
    }
    const { previous, next } = await updateTabInfo(tabId, (info) => {
      const joined = withFrameState(info, frameId, state);
      return { ...joined, ...(joined.state !== "login" ? { waitingForUnlock: false } : {}) };
    });
    const tabState = next?.state ?? state;
    // What the reporting frame itself shows settles an automatic submit made in it.
    await settleAutoSubmit(tabId, previous, state);
    await idle.tabState(tabId, previous?.state, tabState);
    if (tabState === "logged-in") await pendingMeetsLoggedIn(tabId);
    await refreshBadge();
    // A new document learns the field map the user taught for its page.
    const fieldMap = o?.load === true ? await fieldMapFor(sender.url) : undefined;
    return fieldMap ? { fieldMap } : undefined;
  },

  "content.requestFill": async (p, sender) => {
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
    const picked = entryForTab(all, info);
    const otherWorkspace = await lockedWorkspaceRefusal(tabId, p, all, picked.entry);
    if (otherWorkspace) return none(otherWorkspace);
    if (!picked.entry) {
      if (!picked.ask) return none("no_entry");
      await updateTabInfo(tabId, { notice: { kind: "choose" } });
      await refreshBadge();
      return none("ask");
    }
    const { entry } = picked;
    // One automatic submit per entry and tab until the user acts (src/background/auto-submit.ts):
    // never after the user's own Déconnexion, never in a loop on a password the site refuses.
    // Never right after teaching the fields: the user checks what was filled first.
    const noSubmit = (p as { noSubmit?: unknown } | null)?.noSubmit === true;
    const submit = settings.submitAfterAutofill && !noSubmit && mayAutoSubmit(info, entry.id);
    if (submit) {
      await noteAutoSubmit(tabId, entry.id);
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

  "content.taught": (p, sender) => saveTaught(p, sender),

  "content.teachEnded": (p, sender) => endTeach(p, sender),

  "content.submitted": async (p, sender) => {
    const o = p as Record<string, unknown> | null;
    if (!o || !shortStr(o.workspace) || !shortStr(o.identifier) || !shortStr(o.password)) {
      return undefined;
    }
    const creds = { workspace: o.workspace, identifier: o.identifier, password: o.password };
    const entryId = await offerSave(creds);
    await userActed(sender.tab.id);
    // Who the tab is now logged in as; the saved entry only when it is that very account.
    await updateTabInfo(sender.tab.id, {
      workspace: creds.workspace,
      identifier: creds.identifier,
      entryId,
    });
    return undefined;
  },
};
