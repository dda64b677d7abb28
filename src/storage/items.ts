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
import type {
  PendingLogin,
  PendingSaveStored,
  StoredVault,
  TabRecords,
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
