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
 * Answers a login window's request for its fill; every "no" is recorded on the tab. `request`:
 * what the content script said with it (a read-only workspace, no submit after teaching).
 */
export async function answerFillRequest(tabId: number, request?: unknown): Promise<FillAnswer> {
  // Every read at once (the fill path): each storage call is a round trip to the browser.
  const [pendingId, settings, all, info] = await Promise.all([
    takePendingFor(tabId),
    getSettings(),
    vault.entries(),
    tabInfo(tabId),
  ]);
  const pending = pendingId === null || !Array.isArray(all) ? undefined : byId(all, pendingId);
  if (pending) {
    await noteLoggedInAs(tabId, pending);
    return { fill: fillCommand(pending, { submit: true, replace: true }) };
  }
  const none = async (reason: NoFillReason): Promise<FillAnswer> => {
    await updateTabInfo(tabId, { lastFill: reason });
    return { fill: null, reason };
  };
  if (!settings.autofillOnLoad) return none("disabled");
  if (!Array.isArray(all)) {
    if (all.error !== "locked") return none("no_entry");
    // Tell the user one click is needed; the fill happens right after unlock.
    await updateTabInfo(tabId, { waitingForUnlock: true });
    return none("locked");
  }
  const picked = entryForTab(all, info);
  const otherWorkspace = await lockedWorkspaceRefusal(tabId, request, all, picked.entry);
  if (otherWorkspace) return none(otherWorkspace);
  if (!picked.entry) {
    if (!picked.ask) return none("no_entry");
    await updateTabInfo(tabId, { notice: { kind: "choose" } });
    return none("ask");
  }
  const { entry } = picked;
  // One automatic submit per entry and tab until the user acts (auto-submit.ts): never after
  // the user's own Déconnexion, never in a loop on a password the site refuses.
  // Never right after teaching the fields: the user checks what was filled first.
  const noSubmit = (request as { noSubmit?: unknown } | null | undefined)?.noSubmit === true;
  const submit = settings.submitAfterAutofill && !noSubmit && mayAutoSubmit(info, entry.id);
  if (submit) {
    await noteAutoSubmit(tabId, entry.id);
    await noteLoggedInAs(tabId, entry);
  }
  return { fill: fillCommand(entry, { submit, replace: false }) };
}
