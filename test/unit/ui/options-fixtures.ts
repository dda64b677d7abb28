// Props factories for options page component tests: every action is a vi.fn.
import { vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../../src/settings";
import type {
  BackupActions,
  EntryActions,
  OptionsData,
  FieldMapActions,
  PasskeyActions,
  RescueActions,
  SettingsActions,
  Strength,
  VaultActions,
} from "../../../options/types";

const ok = { ok: true as const };

export function optionsData(overrides: Partial<OptionsData> = {}): OptionsData {
  return {
    vault: { state: "unlocked", retryAfterMs: 0 },
    loadError: null,
    entries: [],
    listError: null,
    settings: { ...DEFAULT_SETTINGS },
    ...overrides,
  };
}

/** A stand-in strength rule: ≥ 10 characters, and "password…" is too weak. */
export function fakeStrength(password: string): Promise<Strength> {
  if ([...password].length < 10)
    return Promise.resolve({ ok: false, reason: "too_short", minLength: 10 });
  if (password.startsWith("password"))
    return Promise.resolve({ ok: false, reason: "too_weak", feedback: "common", minLength: 10 });
  return Promise.resolve({ ok: true, minLength: 10 });
}

export function vaultActions(o: Partial<VaultActions> = {}) {
  return {
    create: vi.fn<VaultActions["create"]>(o.create ?? (() => Promise.resolve(ok))),
    unlock: vi.fn<VaultActions["unlock"]>(o.unlock ?? (() => Promise.resolve(ok))),
    unlockWithPasskey: vi.fn<VaultActions["unlockWithPasskey"]>(
      o.unlockWithPasskey ?? (() => Promise.resolve(ok)),
    ),
    lock: vi.fn<VaultActions["lock"]>(o.lock ?? (() => Promise.resolve(ok))),
    changePassword: vi.fn<VaultActions["changePassword"]>(
      o.changePassword ?? (() => Promise.resolve(ok)),
    ),
    reset: vi.fn<VaultActions["reset"]>(o.reset ?? (() => Promise.resolve(ok))),
    downloadRaw: vi.fn<VaultActions["downloadRaw"]>(o.downloadRaw ?? (() => Promise.resolve(ok))),
    checkStrength: vi.fn<VaultActions["checkStrength"]>(o.checkStrength ?? fakeStrength),
  };
}

export function entryActions(o: Partial<EntryActions> = {}) {
  return {
    get: vi.fn<EntryActions["get"]>(
      o.get ??
        ((id) =>
          Promise.resolve({
            ok: true as const,
            value: {
              id,
              name: `Name ${id}`,
              workspace: `WS-${id}`,
              identifier: `user-${id}`,
              password: `pw-${id}`,
              createdAt: 1,
              updatedAt: 1,
              lastUsedAt: null,
            },
          })),
    ),
    save: vi.fn<EntryActions["save"]>(o.save ?? (() => Promise.resolve(ok))),
    revision: () => 1,
    remove: vi.fn<EntryActions["remove"]>(o.remove ?? (() => Promise.resolve(ok))),
    copy: vi.fn<EntryActions["copy"]>(o.copy ?? (() => Promise.resolve("Copied."))),
  };
}

export function settingsActions(o: Partial<SettingsActions> = {}) {
  return {
    set: vi.fn<SettingsActions["set"]>(
      o.set ??
        ((patch) =>
          Promise.resolve({ ok: true as const, value: { ...DEFAULT_SETTINGS, ...patch } })),
    ),
  };
}

export function backupActions(o: Partial<BackupActions> = {}) {
  return {
    checkStrength: vi.fn<BackupActions["checkStrength"]>(o.checkStrength ?? fakeStrength),
    exportTo: vi.fn<BackupActions["exportTo"]>(
      o.exportTo ??
        (() =>
          Promise.resolve({ ok: true as const, value: "iamoffice-login-backup-2025-01-02.json" })),
    ),
    importFrom: vi.fn<BackupActions["importFrom"]>(
      o.importFrom ??
        (() =>
          Promise.resolve({
            ok: true as const,
            value: {
              status: "done" as const,
              report: { added: 3, updated: 1, skipped: 2, details: [] },
            },
          })),
    ),
  };
}

export function rescueActions(o: Partial<RescueActions> = {}) {
  return {
    parse: vi.fn<RescueActions["parse"]>(o.parse ?? (() => [])),
    findBookmarks: vi.fn<RescueActions["findBookmarks"]>(
      o.findBookmarks ?? (() => Promise.resolve({ ok: true as const, hits: [] })),
    ),
    stripBookmark: vi.fn<RescueActions["stripBookmark"]>(
      o.stripBookmark ?? (() => Promise.resolve(true)),
    ),
    deleteBookmark: vi.fn<RescueActions["deleteBookmark"]>(
      o.deleteBookmark ?? (() => Promise.resolve(true)),
    ),
    // By default a vault that holds whatever it is asked about; tests of the rule pass their own.
    vaultHolds: vi.fn<RescueActions["vaultHolds"]>(o.vaultHolds ?? (() => Promise.resolve(true))),
  };
}

/** By default a browser without the PRF extension: the passkey subsection stays hidden. */
export function passkeyActions(o: Partial<PasskeyActions> = {}) {
  return {
    supported: vi.fn<PasskeyActions["supported"]>(o.supported ?? (() => Promise.resolve(false))),
    list: vi.fn<PasskeyActions["list"]>(
      o.list ?? (() => Promise.resolve({ ok: true as const, value: [] })),
    ),
    add: vi.fn<PasskeyActions["add"]>(o.add ?? (() => Promise.resolve(ok))),
    remove: vi.fn<PasskeyActions["remove"]>(o.remove ?? (() => Promise.resolve(ok))),
  };
}

export function fieldMapActions(o: Partial<FieldMapActions> = {}) {
  return {
    list: vi.fn<FieldMapActions["list"]>(
      o.list ?? (() => Promise.resolve({ ok: true as const, value: [] })),
    ),
    forget: vi.fn<FieldMapActions["forget"]>(o.forget ?? (() => Promise.resolve(ok))),
  };
}

export function optionsActions() {
  return {
    vault: vaultActions(),
    passkeys: passkeyActions(),
    fieldMaps: fieldMapActions(),
    entries: entryActions(),
    settings: settingsActions(),
    backup: backupActions(),
    rescue: rescueActions(),
  };
}
