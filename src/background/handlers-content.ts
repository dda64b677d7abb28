// Handlers for our content script, already checked by the router to be in the top frame of an
// exact-origin IamOffice tab, or in a frame that is IamOffice all the way up to it (so
// `sender.tab.id` exists); a tab's state joins what its frames show (frames.ts). The entry to
// fill is chosen for that tab (autofill.ts), never from anything in the payload. Each handler
// hands the event to the owners of the state it changes, then refreshes the badge.
import type { Runtime } from "webextension-polyfill";
import { validateCredentials } from "../entries/rules";
import { isRecord, oneOf } from "../guards";
import type { ContentMessages, PageState, ResponseOf } from "../protocol";
import { settleAutoSubmit, userActed } from "./auto-submit";
import { answerFillRequest } from "./autofill";
import { ensureTools } from "./content-tools";
import { refreshBadge } from "./badge";
import { endTeach, fieldMapFor, saveTaught } from "./field-maps";
import { subframeShowsLogin, withFrameState } from "./frames";
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
  // The router let it through: this frame is IamOffice all the way up (frames.ts).
  "content.frame": () => Promise.resolve({ ok: true as const }),

  "content.pageState": async (p, sender) => {
    const state = field(p, "state");
    if (!isPageState(state)) return undefined;
    const tabId = sender.tab.id;
    const frameId = sender.frameId ?? 0;
    // `load`: a new document. The content script only starts on a real page load, which a
    // page's pushState or hash change is not (Chromium's tabs.onUpdated reports those as
    // "loading" too). The page load counts as activity. A frame of this document may have
    // reported and been filled already: its fill outcome stays.
    const load = field(p, "load") === true;
    const newDocument = load && frameId === 0;
    // One write of the tab's record per report (this is the fill path).
    const { previous, next } = await updateTabInfo(tabId, (info) => {
      const joined = withFrameState(info, frameId, state);
      return {
        ...(newDocument
          ? {
              loadedAt: Date.now(),
              lastFill: subframeShowsLogin(info) ? info?.lastFill : undefined,
            }
          : {}),
        ...joined,
        ...(joined.state !== "login" ? { waitingForUnlock: false } : {}),
      };
    });
    if (newDocument) await idle.activity();
    const tabState = next?.state ?? state;
    // What the reporting frame itself shows settles an automatic submit made in it.
    await settleAutoSubmit(tabId, previous, state);
    const event = await idle.tabState(tabId, previous?.state, tabState);
    if (event === "idle-logout") await afterIdleLogout(tabId);
    if (tabState === "logged-in") await pendingMeetsLoggedIn(tabId);
    // A new document learns the field map the user taught for its page, and then looks again
    // with it before anything is filled. The detector that reads a map comes with the content
    // script's on-demand tools: they go into the frame first.
    const fieldMap = load ? await fieldMapFor(sender.url) : undefined;
    if (fieldMap !== undefined) await ensureTools(tabId, frameId);
    // Else a login window that just showed gets its fill in this same answer (one round trip on
    // the fill path). After the idle watch: an idle logout may have queued the automatic
    // re-login this fill must carry.
    const answer =
      fieldMap !== undefined
        ? { fieldMap }
        : state === "login" && field(p, "fill") === true
          ? await answerFillRequest(tabId, p)
          : undefined;
    const badge = refreshBadge();
    // A fill waits for nothing else: the badge follows right after the answer.
    if (answer && "fill" in answer && answer.fill) void badge.catch(() => undefined);
    else await badge;
    return answer;
  },

  "content.requestFill": async (p, sender) => {
    const answer = await answerFillRequest(sender.tab.id, p);
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

  "content.taught": (p, sender) => saveTaught(p, sender),

  "content.teachEnded": (p, sender) => endTeach(p, sender),

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
