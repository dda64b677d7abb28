// Handlers for our content script, already checked by the router to be in the top frame of an
// exact-origin IamOffice tab (so `sender.tab.id` exists). The entry to fill is chosen for that
// tab (autofill.ts), never from anything in the payload. Each handler hands the event to the
// owners of the state it changes, then refreshes the badge.
import type { Runtime } from "webextension-polyfill";
import { validateCredentials } from "../entries/rules";
import { isRecord, oneOf } from "../guards";
import type { ContentMessages, PageState, ResponseOf } from "../protocol";
import { settleAutoSubmit, userActed } from "./auto-submit";
import { answerFillRequest } from "./autofill";
import { refreshBadge } from "./badge";
import * as idle from "./idle-watch";
import { pendingMeetsLoggedIn } from "./login";
import { afterIdleLogout } from "./relogin";
import { offerSave } from "./save-offer";
import { updateTabInfo } from "./tabs";

type Sender = Runtime.MessageSender & { tab: { id: number; url?: string } };
type Handlers = {
  [K in keyof ContentMessages]: (
    payload: unknown,
    sender: Sender,
  ) => Promise<ResponseOf<ContentMessages, K>>;
};

const isPageState = oneOf<PageState>(["login", "logged-in", "unknown"]);
const field = (p: unknown, name: string): unknown => (isRecord(p) ? p[name] : undefined);

export const contentHandlers: Handlers = {
  "content.pageState": async (p, sender) => {
    const state = field(p, "state");
    if (!isPageState(state)) return undefined;
    const tabId = sender.tab.id;
    // `load`: a new document. The content script only starts on a real page load, which a
    // page's pushState or hash change is not (Chromium's tabs.onUpdated reports those as
    // "loading" too). The page load counts as activity.
    const load = field(p, "load") === true;
    const { previous } = await updateTabInfo(tabId, {
      state,
      ...(load ? { loadedAt: Date.now(), lastFill: undefined } : {}),
      ...(state !== "login" ? { waitingForUnlock: false } : {}),
    });
    if (load) await idle.activity();
    await settleAutoSubmit(tabId, previous, state);
    const event = await idle.tabState(tabId, previous?.state, state);
    if (event === "idle-logout") await afterIdleLogout(tabId);
    if (state === "logged-in") await pendingMeetsLoggedIn(tabId);
    // A login window just showed and the content script asks for its fill in the same message
    // (one round trip on the fill path). After the idle watch: an idle logout may have queued
    // the automatic re-login this fill must carry.
    const answer =
      state === "login" && field(p, "fill") === true ? await answerFillRequest(tabId) : undefined;
    await refreshBadge();
    return answer;
  },

  "content.requestFill": async (_p, sender) => {
    const answer = await answerFillRequest(sender.tab.id);
    // A window waiting for the unlock, or an account to choose: the badge says so.
    if (answer.fill === null && (answer.reason === "locked" || answer.reason === "ask")) {
      await refreshBadge();
    }
    return answer;
  },

  "content.fillResult": async (p, sender) => {
    const ok = field(p, "ok");
    if (typeof ok !== "boolean") return undefined;
    await updateTabInfo(sender.tab.id, { lastFill: ok ? "filled" : "refused" });
    return undefined;
  },

  "content.activity": async (p) => {
    await idle.activity({ logoutClick: field(p, "logoutClick") === true });
    await refreshBadge();
    return undefined;
  },

  "content.submitted": async (p, sender) => {
    const creds = validateCredentials(p);
    if (!creds) return undefined;
    const entryId = await offerSave(creds);
    await userActed(sender.tab.id);
    // Who the tab is now logged in as; the saved entry only when it is that very account.
    await updateTabInfo(sender.tab.id, {
      workspace: creds.workspace,
      identifier: creds.identifier,
      entryId,
    });
    await refreshBadge();
    return undefined;
  },
};
