// Handlers for our content script, already checked by the router to be in the top frame of an
// exact-origin IamOffice tab, or in a frame that is IamOffice all the way up to it (so
// `sender.tab.id` exists); a tab's state joins what its frames show (frames.ts). The entry to
// fill is chosen for that tab (autofill.ts), never from anything in the payload. Each handler
// hands the event to the owners of the state it changes, then refreshes the badge.
import type { Runtime } from "webextension-polyfill";
import { validateCredentials } from "../entries/rules";
import { isRecord, oneOf } from "../guards";
import type { ContentMessages, PageState, ResponseOf } from "../protocol";
import { userActed } from "./auto-submit";
import { answerFillRequest } from "./autofill";
import { answerNewWindow } from "./new-window";
import { ensureTools } from "./content-tools";
import { refreshBadge } from "./badge";
import { endTeach, fieldMapFor, saveTaught } from "./field-maps";
import * as idle from "./idle-watch";
import { recordPageState, type AfterReport } from "./page-report";
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
    const load = field(p, "load") === true;
    const report = (after?: AfterReport) => recordPageState(tabId, frameId, state, load, after);
    // A new document learns the field map the user taught for its page, and then looks again
    // with it before anything is filled. The detector that reads a map comes with the content
    // script's on-demand tools: they go into the frame first.
    const fieldMap = load ? await fieldMapFor(sender.url) : undefined;
    if (fieldMap !== undefined || state !== "login" || field(p, "fill") !== true) {
      await report();
      if (fieldMap !== undefined) await ensureTools(tabId, frameId);
      await refreshBadge();
      return fieldMap !== undefined ? { fieldMap } : undefined;
    }
    // Else a login window that just showed gets its fill in this same answer (one round trip).
    return answerNewWindow(tabId, frameId, p, load, report);
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
