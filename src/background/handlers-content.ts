// Handlers for our content script, already checked by the router to be in the top frame of an
// exact-origin IamOffice tab. The entry to fill is chosen here, from the tab's URL and the
// user's settings, never from anything the page could influence through the payload.
import type { Runtime } from "webextension-polyfill";
import type { ContentMessages, PageState, ResponseOf } from "../protocol";
import { parseVendorFragment } from "../hash-url";
import { pickEntryForPage } from "../entries";
import * as vault from "./vault";
import { getSettings } from "./settings-store";
import { fillCommand, noteLoggedInAs, takePendingFor } from "./login";
import { updateTabInfo } from "./tabs";
import { offerSave } from "./save-prompt";
import { refreshBadge } from "./badge";
import * as idle from "./idle-watch";

type Sender = Required<Runtime.MessageSender>;
type Handlers = {
  [K in keyof ContentMessages]: (
    payload: unknown,
    sender: Sender,
  ) => Promise<ResponseOf<ContentMessages, K>>;
};

const STATES: readonly PageState[] = ["login", "logged-in", "unknown"];
const MAX_FIELD = 1000;
const shortStr = (v: unknown): v is string => typeof v === "string" && v.length <= MAX_FIELD;

function tabIdOf(sender: Sender): number {
  return sender.tab.id ?? -1;
}

export const contentHandlers: Handlers = {
  "content.pageState": async (p, sender) => {
    const o = p as { state?: unknown } | null;
    const state = o && STATES.includes(o.state as PageState) ? (o.state as PageState) : null;
    if (!state) return undefined;
    const tabId = tabIdOf(sender);
    const { previous } = await updateTabInfo(tabId, { state });
    await idle.tabState(tabId, previous?.state, state);
    if (state !== "login") await updateTabInfo(tabId, { waitingForUnlock: false });
    await refreshBadge();
    return undefined;
  },

  "content.requestFill": async (_p, sender) => {
    const tabId = tabIdOf(sender);
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
    const hint = parseVendorFragment(new URL(sender.tab.url ?? "about:blank").hash);
    const picked = pickEntryForPage(all, hint);
    const entry = picked && all.find((e) => e.id === picked.id);
    if (!entry) return { fill: null, reason: "no_entry" };
    if (settings.submitAfterAutofill) await noteLoggedInAs(tabId, entry);
    return {
      fill: fillCommand(entry, { submit: settings.submitAfterAutofill, replace: false }),
    };
  },

  "content.activity": async (p, sender) => {
    const logoutClick = (p as { logoutClick?: unknown } | null)?.logoutClick === true;
    await idle.activity(tabIdOf(sender), { logoutClick });
    return undefined;
  },

  "content.submitted": async (p, sender) => {
    const o = p as Record<string, unknown> | null;
    if (!o || !shortStr(o.workspace) || !shortStr(o.identifier) || !shortStr(o.password)) {
      return undefined;
    }
    const creds = { workspace: o.workspace, identifier: o.identifier, password: o.password };
    await updateTabInfo(tabIdOf(sender), {
      workspace: creds.workspace,
      identifier: creds.identifier,
    });
    await offerSave(creds);
    return undefined;
  },
};
