// "Save this login?" — offered from the toolbar (badge + popup), never in the page. The typed
// credentials wait in storage.session (memory, trusted contexts) only while the vault is
// unlocked, for SAVE_PROMPT_MS at most; locking or resetting the vault drops them.
import browser from "../browser";
import type { EntryInput, Result } from "../protocol";
import { session } from "../storage";
import { findDuplicate, sameAccount } from "../entries";
import * as vault from "./vault";
import { refreshBadge } from "./badge";

export const SAVE_PROMPT_ALARM = "save-prompt-expire";
const SAVE_PROMPT_MS = 5 * 60_000;

type Creds = { workspace: string; identifier: string; password: string };

/**
 * A manual login happened with these credentials. Returns the saved entry they match (same
 * account and password), if any, so the caller knows who the tab is logged in as.
 */
export async function offerSave(creds: Creds): Promise<string | undefined> {
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
  await session.set({
    pendingSave: { ...creds, ...(existing ? { existingId: existing.id } : {}) },
  });
  await browser.alarms.create(SAVE_PROMPT_ALARM, { when: Date.now() + SAVE_PROMPT_MS });
  await refreshBadge();
  return undefined;
}

export async function dismissPendingSave(): Promise<void> {
  await session.remove("pendingSave");
  await browser.alarms.clear(SAVE_PROMPT_ALARM);
  await refreshBadge();
}

/** Saving an entry answers the prompt only when it is the same account. */
export async function answerPendingSave(saved: { workspace: string; identifier: string }) {
  const p = await session.get("pendingSave");
  if (p && sameAccount(p, saved)) await dismissPendingSave();
}

export async function pendingSaveInput(): Promise<Result<EntryInput>> {
  if ((await vault.status()).state !== "unlocked") return { ok: false, error: "locked" };
  const p = await session.get("pendingSave");
  if (!p) return { ok: false, error: "not_found" };
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
