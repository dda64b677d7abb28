// Props factories for popup component tests.
import { vi } from "vitest";
import type { EntrySummary, StatusSnapshot } from "../../../src/protocol";
import type { PopupActions, PopupData } from "../../../popup/types";

export function status(overrides: Partial<StatusSnapshot> = {}): StatusSnapshot {
  return {
    vault: { state: "unlocked", retryAfterMs: 0 },
    tab: null,
    pendingSave: null,
    hint: null,
    ...overrides,
  };
}

export function entry(n: number, overrides: Partial<EntrySummary> = {}): EntrySummary {
  return {
    id: `id${n}`,
    name: `Company ${n}`,
    workspace: `WS${n}`,
    identifier: `user${n}`,
    createdAt: 1_000,
    updatedAt: 1_000,
    lastUsedAt: n * 1000,
    ...overrides,
  };
}

export function popupData(overrides: Partial<PopupData> = {}): PopupData {
  return { status: status(), entries: [], listError: null, loadError: null, ...overrides };
}

const ok = { ok: true as const };

/** Every action is a vi.fn (so calls can be asserted); overrides give it a behaviour. */
export function popupActions(overrides: Partial<PopupActions> = {}) {
  return {
    unlock: vi.fn<PopupActions["unlock"]>(overrides.unlock ?? (() => Promise.resolve(ok))),
    unlockWithPasskey: vi.fn<PopupActions["unlockWithPasskey"]>(
      overrides.unlockWithPasskey ?? (() => Promise.resolve(ok)),
    ),
    lock: vi.fn<PopupActions["lock"]>(overrides.lock ?? (async () => {})),
    login: vi.fn<PopupActions["login"]>(overrides.login ?? (() => Promise.resolve(ok))),
    saveEntry: vi.fn<PopupActions["saveEntry"]>(overrides.saveEntry ?? (() => Promise.resolve(ok))),
    loadPendingSave: vi.fn<PopupActions["loadPendingSave"]>(
      overrides.loadPendingSave ??
        (() =>
          Promise.resolve({
            ok: true as const,
            value: { name: "", workspace: "ACME", identifier: "jdoe", password: "s3cret" },
          })),
    ),
    dismissPendingSave: vi.fn<PopupActions["dismissPendingSave"]>(
      overrides.dismissPendingSave ?? (async () => {}),
    ),
    openOptions: vi.fn<PopupActions["openOptions"]>(overrides.openOptions ?? (() => {})),
    teach: vi.fn<PopupActions["teach"]>(overrides.teach ?? (() => Promise.resolve(ok))),
    report: vi.fn<PopupActions["report"]>(
      overrides.report ?? (() => Promise.resolve({ ok: true as const, value: "report" })),
    ),
  };
}
