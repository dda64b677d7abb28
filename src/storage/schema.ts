// What lives where. storage.local: the encrypted vault, settings, throttle state — nothing
// secret in clear. storage.session: the unlocked vault key and volatile state (memory only,
// trusted contexts only, cleared when the browser closes).

import type { ClockState } from "../idle-clock";
import type { FillOutcome, PageState } from "../protocol";
import type { Settings } from "../settings";
import type { WrappedVault, EncryptedRecord } from "../crypto/vault-crypto";

export const SCHEMA_VERSION = 2;

/** The vault blob: its own format version travels with it. */
export interface StoredVault {
  format: 1;
  wrapped: WrappedVault;
  records: EncryptedRecord[];
  /**
   * Encrypted list of the record ids and the revision, so deleting a record, or putting back
   * an older copy of one, is detected (each record alone authenticates only itself).
   */
  index: EncryptedRecord;
  /** Bumped by every change; a writer holding an older revision is refused (no lost update). */
  revision: number;
}

export interface UnlockThrottle {
  failures: number;
  /** Epoch ms before which unlock attempts are refused. */
  notBefore: number;
}

export interface LocalArea {
  schemaVersion: number;
  vault: StoredVault;
  settings: Settings;
  unlockThrottle: UnlockThrottle;
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
   * URL of the tab's last full page load. The entry to autofill is chosen from this URL's
   * fragment, not the live one: a page script rewriting `location.hash` must not be able to
   * pick which saved account gets filled.
   */
  loadUrl?: string;
  /** The one page-load auto-submit of this document was used (no loops, none after logouts). */
  autoSubmitDone?: boolean;
  /** Epoch ms of the content script's first report from the tab's current document. */
  loadedAt?: number;
  /**
   * How the last fill of this document's login window ended: every fill request gets one, so
   * "the extension had its chance and filled nothing" is an observable state, not a wait.
   */
  lastFill?: FillOutcome;
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
