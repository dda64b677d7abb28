// What lives where. storage.local: the encrypted vault, settings, throttle state — nothing
// secret in clear. storage.session: the unlocked vault key and volatile state (memory only,
// trusted contexts only, cleared when the browser closes).

import type { ClockState } from "../idle-clock";
import type { PageState } from "../protocol";
import type { Settings } from "../settings";
import type { WrappedVault, EncryptedRecord } from "../crypto/vault-crypto";

export const SCHEMA_VERSION = 2;

/** The vault blob (format 2): its own format version travels with it. */
export interface StoredVault {
  format: 2;
  /** The vault key, wrapped under the master password for format 2 (src/crypto/vault-crypto.ts). */
  wrapped: WrappedVault;
  records: EncryptedRecord[];
  /**
   * Encrypted under the vault key: the revision and, per record id in order, the SHA-256 of that
   * record's IV + ciphertext (src/background/sealed-vault.ts). So deleting, adding or reordering
   * records, or putting back an older ciphertext of one, is detected (each record alone
   * authenticates only itself and its id).
   */
  index: EncryptedRecord;
  /** Bumped by every change; a writer holding an older revision is refused (no lost update). */
  revision: number;
}

/**
 * Format 1, migrated to format 2 by the next unlock (the new index needs the vault key). Its
 * index, when present, seals only the record ids and the revision; 0.0.x previews have none
 * (their `revision` comes from the schema 1 → 2 storage migration).
 */
export interface LegacyVault {
  format: 1;
  wrapped: WrappedVault;
  records: EncryptedRecord[];
  index?: EncryptedRecord;
  revision: number;
}

export interface UnlockThrottle {
  failures: number;
  /** Epoch ms before which unlock attempts are refused. */
  notBefore: number;
}

export interface LocalArea {
  schemaVersion: number;
  vault: StoredVault | LegacyVault;
  settings: Settings;
  unlockThrottle: UnlockThrottle;
}

/** What a vendor fragment asks for, minus its password: kept per tab until the next lock. */
export interface PageHint {
  workspace?: string;
  identifier?: string;
}

export interface TabInfo {
  state: PageState;
  /** Who this tab is logged in as, when we know (filled by us or seen submitted). */
  workspace?: string;
  identifier?: string;
  entryId?: string;
  /** Login window showing while locked: fill it as soon as the user unlocks. */
  waitingForUnlock?: boolean;
  /**
   * What the vendor fragment of the tab's last full page load names (src/hash-url.ts): the
   * workspace and identifier only, never the URL, which may hold an old bookmark's password.
   * The entry to autofill is chosen from this, not the live fragment: a page script rewriting
   * `location.hash` must not be able to pick which saved account gets filled.
   */
  loadHint?: PageHint;
  /** The one page-load auto-submit of this document was used (no loops, none after logouts). */
  autoSubmitDone?: boolean;
}

export interface PendingLogin {
  tabId: number;
  entryId: string;
  /** Epoch ms after which the login is given up with a notification. */
  deadline: number;
  /** Set once we clicked the page's logout control and wait for the login window. */
  loggingOut?: boolean;
}

export interface PendingSaveStored {
  workspace: string;
  identifier: string;
  password: string;
  existingId?: string;
}

export interface SessionArea {
  /** Raw vault key, base64, present only while unlocked. */
  vaultKey: string;
  clock: ClockState;
  tabs: Record<string, TabInfo>;
  pendingLogin: PendingLogin;
  pendingSave: PendingSaveStored;
  /** Entry to log back in with after an idle logout (notification button). */
  reloginEntryId: string;
}
