// What a tab's login window gets. The entry is chosen here, for the tab the browser says the
// request came from — a pending login (pending-login.ts), else the account the user's own
// navigation named, else the default one — never from anything the page or the payload says.
import { pickEntryForLoad } from "../entries/choice";
import type { Entry } from "../entries/rules";
import type { ContentMessages, FillCommand, NoFillReason, ResponseOf } from "../protocol";
import type { TabInfo } from "../storage/schema";
import { mayAutoSubmit, noteAutoSubmit } from "./auto-submit";
import { lockedWorkspaceRefusal } from "./locked-workspace";
import { takePendingFor } from "./pending-login";
import { getSettings } from "./settings-store";
import { tabInfo, updateTabInfo } from "./tabs";
import * as vault from "./vault";

type FillAnswer = ResponseOf<ContentMessages, "content.requestFill">;

const byId = (all: Entry[], id: string): Entry | undefined => all.find((e) => e.id === id);

export function fillCommand(
  entry: Entry,
  opts: { submit: boolean; replace: boolean },
): FillCommand {
  const { id: entryId, workspace, identifier, password } = entry;
  return { entryId, workspace, identifier, password, ...opts };
}

/**
 * The entry a page-load autofill may use in this tab: from the account the user's own
 * navigation named, else the default one (src/entries/choice.ts, pickEntryForLoad). Never from
 * the live URL, which the page can rewrite.
 */
export function entryForTab(
  entries: Entry[],
  info: TabInfo | undefined,
): { entry: Entry } | { entry?: undefined; ask: boolean } {
  return pickEntryForLoad(entries, info?.hint ?? { trusted: false });
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

/**
 * A login window's fill, decided: the answer, and the writes that record it on the tab (and,
 * for a submit, the entry's last use), which the caller makes (commit) after the page's report
 * has been recorded.
 */
export interface FillPlan {
  answer: FillAnswer;
  commit: () => Promise<void>;
}

/** What deciding a fill reads, besides a pending login (all at once: this is the fill path). */
export interface FillReads {
  settings: Awaited<ReturnType<typeof getSettings>>;
  all: Awaited<ReturnType<typeof vault.entries>>;
  info: TabInfo | undefined;
}

export async function fillReads(tabId: number): Promise<FillReads> {
  const [settings, all, info] = await Promise.all([getSettings(), vault.entries(), tabInfo(tabId)]);
  return { settings, all, info };
}

/**
 * Decides what a tab's login window gets; every "no" is recorded on the tab (commit).
 * `request`: what the content script said with it (a read-only workspace, no submit after
 * teaching). `pendingId`: the pending login taken for this tab, if any.
 */
export function planFill(
  tabId: number,
  request: unknown,
  { settings, all, info }: FillReads,
  pendingId: string | null = null,
): FillPlan {
  const pending = pendingId === null || !Array.isArray(all) ? undefined : byId(all, pendingId);
  if (pending) {
    const fill = fillCommand(pending, { submit: true, replace: true });
    return { answer: { fill }, commit: () => noteLoggedInAs(tabId, pending) };
  }
  const none = (reason: NoFillReason, patch: Partial<TabInfo> = {}): FillPlan => ({
    answer: { fill: null, reason },
    commit: async () => void (await updateTabInfo(tabId, { ...patch, lastFill: reason })),
  });
  if (!settings.autofillOnLoad) return none("disabled");
  if (!Array.isArray(all)) {
    if (all.error !== "locked") return none("no_entry");
    // Tell the user one click is needed; the fill happens right after unlock.
    return none("locked", { waitingForUnlock: true });
  }
  const picked = entryForTab(all, info);
  const otherWorkspace = lockedWorkspaceRefusal(request, all, picked.entry);
  if (otherWorkspace) {
    const { reason, notice } = otherWorkspace;
    return none(reason, notice ? { notice } : {});
  }
  if (!picked.entry) {
    if (!picked.ask) return none("no_entry");
    return none("ask", { notice: { kind: "choose" } });
  }
  const { entry } = picked;
  // One automatic submit per entry and tab until the user acts (auto-submit.ts): never after
  // the user's own Déconnexion, never in a loop on a password the site refuses.
  // Never right after teaching the fields: the user checks what was filled first.
  const noSubmit = (request as { noSubmit?: unknown } | null | undefined)?.noSubmit === true;
  const submit = settings.submitAfterAutofill && !noSubmit && mayAutoSubmit(info, entry.id);
  const fill = fillCommand(entry, { submit, replace: false });
  return {
    answer: { fill },
    commit: async () => {
      if (!submit) return;
      await noteAutoSubmit(tabId, entry.id);
      await noteLoggedInAs(tabId, entry);
    },
  };
}

/** Decides and records a login window's fill (planFill, then its writes). */
export async function answerFillRequest(tabId: number, request?: unknown): Promise<FillAnswer> {
  const [reads, pendingId] = await Promise.all([fillReads(tabId), takePendingFor(tabId)]);
  const plan = planFill(tabId, request, reads, pendingId);
  await plan.commit();
  return plan.answer;
}
