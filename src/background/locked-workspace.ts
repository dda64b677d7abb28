// A read-only (or disabled) workspace the page filled itself — the vendor's page does it from
// its own `#ESPACE&login=…` fragment — says which workspace the login window is for. It may
// confirm the entry the background picked (then identifier and password are filled), never
// choose another: a page does not switch accounts on its own say-so. When it names another
// saved account, nothing is filled and the user is told (badge + popup), where one click logs
// in with it. The page sees the same thing whether the workspace it names is saved or not.
import type { Entry, NoFillReason } from "../protocol";
import { MAX_LENGTH, workspaceKey } from "../entries/rules";
import type { TabInfo } from "../storage/schema";

/** The page's read-only workspace from a content.requestFill payload (undefined: none, or malformed). */
export function lockedWorkspaceOf(payload: unknown): string | undefined {
  const v = (payload as { lockedWorkspace?: unknown } | null | undefined)?.lockedWorkspace;
  return typeof v === "string" && v.trim() !== "" && v.length <= MAX_LENGTH.workspace
    ? v
    : undefined;
}

/**
 * Pure: may the `picked` entry be filled beside this read-only workspace? If not, the ids of
 * the saved entries for that workspace (the user's choices, possibly none).
 */
export function judgeLockedWorkspace(
  entries: readonly Entry[],
  picked: Entry | undefined,
  locked: string,
): { fill: true } | { fill: false; choices: string[] } {
  const key = workspaceKey(locked);
  if (picked && workspaceKey(picked.workspace) === key) return { fill: true };
  return {
    fill: false,
    choices: entries.filter((e) => workspaceKey(e.workspace) === key).map((e) => e.id),
  };
}

/**
 * Why nothing is filled in this tab because of its read-only workspace, with the notice to
 * record on the tab (the caller writes it); null when the fill may go on (no read-only
 * workspace, or it names `picked`). Pure.
 */
export function lockedWorkspaceRefusal(
  payload: unknown,
  entries: readonly Entry[],
  picked: Entry | undefined,
): { reason: NoFillReason; notice?: TabInfo["notice"] } | null {
  const locked = lockedWorkspaceOf(payload);
  if (locked === undefined) return null;
  const verdict = judgeLockedWorkspace(entries, picked, locked);
  if (verdict.fill) return null;
  if (verdict.choices.length === 0) return { reason: "no_entry" };
  // The message's handler refreshes the badge once it has answered ("ask").
  return { reason: "ask", notice: { kind: "workspace", entryIds: verdict.choices } };
}
