// "Save this login?" — offered from the toolbar (badge + popup), never in the page. The typed
// credentials wait in storage.session (memory, trusted contexts) until the user answers.
import type { EntryInput, Result } from "../protocol";
import { session } from "../storage";
import { findDuplicate } from "../entries";
import * as vault from "./vault";
import { refreshBadge } from "./badge";

export async function offerSave(creds: {
  workspace: string;
  identifier: string;
  password: string;
}): Promise<void> {
  if (!creds.workspace.trim() || !creds.identifier.trim() || !creds.password) return;
  const all = await vault.entries();
  if (Array.isArray(all)) {
    const existing = findDuplicate(all, creds);
    const same = existing && all.find((e) => e.id === existing.id);
    if (same && same.password === creds.password) {
      await vault.markUsed(same.id);
      return;
    }
    await session.set({ pendingSave: { ...creds, existingId: existing?.id } });
  } else {
    // Locked (or no vault yet): keep the offer; the popup resolves duplicates after unlock.
    await session.set({ pendingSave: { ...creds } });
  }
  await refreshBadge();
}

export async function dismissPendingSave(): Promise<void> {
  await session.remove("pendingSave");
  await refreshBadge();
}

export async function pendingSaveInput(): Promise<Result<EntryInput>> {
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
