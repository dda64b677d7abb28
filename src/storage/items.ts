// Every piece of state the extension keeps, one typed item each: its key and area, its check,
// and what it reads as when missing or malformed. Each item is imported by exactly one module,
// its owner, which alone reads and writes it (docs/architecture.md, "Who owns which state";
// `npm run lint` checks it). A schema migration (src/storage/migrations.ts) is the only other
// code that rewrites stored data, once, at install or update.
import { initialClock, type ClockState } from "../idle-clock";
import { DEFAULT_SETTINGS, readSettings, type Settings } from "../settings";
import { localItem, sessionItem } from "./item";
import {
  isStoredVault,
  parseClock,
  parsePendingLogin,
  parsePendingSave,
  parseTabs,
  parseThrottle,
} from "./parse";
import { asFieldMap } from "../field-map";
import type {
  FieldMaps,
  PendingLogin,
  PendingSaveStored,
  StoredVault,
  TabRecords,
  Teaching,
  UnlockThrottle,
  VaultRecord,
} from "./schema";

const orNull = () => null;
const text = (v: unknown) => (typeof v === "string" ? v : undefined);

// ---------- storage.local ----------

/** The encrypted vault. Stored data that does not fit is "corrupt": reported, never replaced. */
export const vaultItem = localItem<StoredVault, VaultRecord>("vault", {
  fallback: () => "none",
  parse: (v) => (isStoredVault(v) ? v : undefined),
  invalid: () => "corrupt",
});

/** The user's settings, defaulted field by field. */
export const settingsItem = localItem<Settings>("settings", {
  fallback: () => ({ ...DEFAULT_SETTINGS }),
  parse: readSettings,
});

/** Failed master-password attempts and the delay they impose. */
export const unlockThrottleItem = localItem<UnlockThrottle>("unlockThrottle", {
  fallback: () => ({ failures: 0, notBefore: 0 }),
  parse: parseThrottle,
});

/** Field maps the user taught, by page path; a malformed one is dropped, never used. */
export const fieldMapsItem = localItem<FieldMaps>("fieldMaps", {
  fallback: () => ({}),
  parse: (v) => {
    if (typeof v !== "object" || v === null) return undefined;
    const out: FieldMaps = {};
    for (const [page, raw] of Object.entries(v as Record<string, unknown>)) {
      const map = asFieldMap(raw);
      const savedAt = (raw as { savedAt?: unknown } | null)?.savedAt;
      if (map && typeof savedAt === "number") out[page] = { ...map, savedAt };
    }
    return out;
  },
});

// ---------- storage.session ----------

/** The raw vault key, base64: present only while the vault is unlocked. */
export const vaultKeyItem = sessionItem<string, string | null>("vaultKey", {
  fallback: orNull,
  parse: text,
});

/** The idle-logout clock (src/idle-clock.ts). */
export const clockItem = sessionItem<ClockState>("clock", {
  fallback: initialClock,
  parse: parseClock,
});

/** What each IamOffice tab shows and who it is logged in as. */
export const tabsItem = sessionItem<TabRecords>("tabs", {
  fallback: () => ({}),
  parse: parseTabs,
});

/** A one-click login waiting for its tab's login window. */
export const pendingLoginItem = sessionItem<PendingLogin, PendingLogin | null>("pendingLogin", {
  fallback: orNull,
  parse: parsePendingLogin,
});

/** A login typed by hand, offered for saving ("Save this login?"). */
export const pendingSaveItem = sessionItem<PendingSaveStored, PendingSaveStored | null>(
  "pendingSave",
  { fallback: orNull, parse: parsePendingSave },
);

/** The entry to log back in with after an idle logout. */
export const reloginItem = sessionItem<string, string | null>("reloginEntryId", {
  fallback: orNull,
  parse: text,
});

/** A "Teach the login fields" under way. */
export const teachingItem = sessionItem<Teaching, Teaching | null>("teaching", {
  fallback: orNull,
  parse: (v) => {
    const t = v as Partial<Teaching> | null;
    return typeof t?.tabId === "number" && typeof t.loadedAt === "number"
      ? { tabId: t.tabId, loadedAt: t.loadedAt }
      : undefined;
  },
});
