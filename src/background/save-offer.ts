// "Save this login?" — offered from the toolbar (badge + popup), never in the page. Owner of the
// pending save (storage.session) and of its alarm: the typed credentials wait there only while
// the vault is unlocked, for SAVE_PROMPT_MS at most; locking or resetting the vault drops them
// (after-vault-change.ts). The caller refreshes the badge.
import browser from "../browser";
import { findDuplicate, sameAccount, type Credentials, type EntryInput } from "../entries/rules";
import type { PendingSave } from "../protocol";
import { fail, type Result } from "../result";
import { pendingSaveItem } from "../storage/items";
import * as vault from "./vault";

export const SAVE_PROMPT_ALARM = "save-prompt-expire";
const SAVE_PROMPT_MS = 5 * 60_000;

/**
 * A manual login happened with these credentials. Returns the saved entry they match (same
 * account and password), if any, so the caller knows who the tab is logged in as.
 */
export async function offerSave(creds: Credentials): Promise<string | undefined> {
  if (!creds.workspace.trim() || !creds.identifier.trim() || !creds.password) return undefined;
  const all = await vault.entries();
  // Locked or no vault: nothing is kept. Holding a typed password where anyone opening the
  // popup could read it back is worse than missing a save offer.
  if (!Array.isArray(all)) return undefined;
  const existing = findDuplicate(all, creds);
  if (existing && existing.password === creds.password) {
    await vault.markUsed(existing.id);
    return existing.id;
  }
  await pendingSaveItem.set({ ...creds, ...(existing ? { existingId: existing.id } : {}) });
  await browser.alarms.create(SAVE_PROMPT_ALARM, { when: Date.now() + SAVE_PROMPT_MS });
  return undefined;
}

export async function dismissPendingSave(): Promise<void> {
  await pendingSaveItem.remove();
  await browser.alarms.clear(SAVE_PROMPT_ALARM);
}

/** Saving an entry answers the prompt only when it is the same account. True when it did. */
export async function answerPendingSave(saved: {
  workspace: string;
  identifier: string;
}): Promise<boolean> {
  const p = await pendingSaveItem.get();
  if (!p || !sameAccount(p, saved)) return false;
  await dismissPendingSave();
  return true;
}

/** What the popup shows of the offer: never the password. */
export async function pendingSaveSummary(): Promise<PendingSave | null> {
  const p = await pendingSaveItem.get();
  if (!p) return null;
  return {
    workspace: p.workspace,
    identifier: p.identifier,
    ...(p.existingId ? { existingId: p.existingId } : {}),
  };
}

/** The offer as a form's input, password included, while the vault is unlocked. */
export async function pendingSaveInput(): Promise<Result<EntryInput>> {
  if ((await vault.status()).state !== "unlocked") return fail("locked");
  const p = await pendingSaveItem.get();
  if (!p) return fail("not_found");
  const existing = p.existingId ? await vault.get(p.existingId) : null;
  return {
    ok: true,
    value: {
      name: existing?.ok ? existing.value.name : "",
      workspace: p.workspace,
      identifier: p.identifier,
      password: p.password,
    },
  };
}
