// The shapes of what is stored. storage.local: the encrypted vault, settings, throttle state —
// nothing secret in clear. storage.session: the unlocked vault key and volatile state (memory
// only, trusted contexts only, cleared when the browser closes). The items that hold them, with
// their keys and fallbacks, are in src/storage/items.ts; the checks in src/storage/parse.ts.

import type { AccountHint } from "../navigation";
import type { Credentials } from "../entries/rules";
import type { FillOutcome, PageState, WorkspaceNotice } from "../protocol";
import type { FieldMap } from "../field-map";
import type { WrappedVault, EncryptedRecord } from "../crypto/vault-crypto";
import type { PasskeyWrapped } from "../crypto/passkey-wrap";

export const SCHEMA_VERSION = 2;

/** The vault blob (format 2): its own format version travels with it. */
export interface StoredVault {
  format: 2;
  /** The vault key, wrapped under the master password for format 2 (src/crypto/vault-crypto.ts). */
  wrapped: WrappedVault;
  records: EncryptedRecord[];
  /**
   * Encrypted under the vault key: the revision and, per record id in order, the SHA-256 of that
   * record's IV + ciphertext (src/background/vault/sealed.ts). So deleting, adding or reordering
   * records, or putting back an older ciphertext of one, is detected (each record alone
   * authenticates only itself and its id).
   */
  index: EncryptedRecord;
  /** Bumped by every change; a writer holding an older revision is refused (no lost update). */
  revision: number;
  /**
   * The same vault key wrapped under each registered passkey (src/crypto/passkey-wrap.ts).
   * Inside the vault blob on purpose: a change of master password (new vault key) and an erase
   * drop every wrap in the same storage write. Read through `parsePasskeys`: a malformed wrap is
   * ignored, never the vault.
   */
  passkeys?: StoredPasskey[];
}

/** One registered passkey: its wrap, the name the user gave it, when it was set up. */
export interface StoredPasskey extends PasskeyWrapped {
  name: string;
  createdAt: number;
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

/** The vault as read: a stored format, or why there is none to use. */
export type VaultRecord = StoredVault | LegacyVault | "none" | "corrupt";

/** A taught field map (src/field-map.ts): locators only, never a value. */
export interface StoredFieldMap extends FieldMap {
  savedAt: number;
}

/** Field maps the user taught, by page path (src/background/field-maps.ts). */
export type FieldMaps = Record<string, StoredFieldMap>;

/** A "Teach the login fields" under way: its tab and that tab's document (loadedAt). */
export interface Teaching {
  tabId: number;
  loadedAt: number;
}

/**
 * "choose": the address names another saved account than the default, and the page may have
 * written it. "refused": IamOffice showed its login window again right after our automatic
 * submit with that entry (an out-of-date password): no second try until the user acts.
 * "workspace": the page's read-only workspace names other saved entries than the one it would
 * get (src/background/locked-workspace.ts): the user picks one of them.
 */
export type TabNotice =
  { kind: "choose" } | { kind: "refused"; entryId: string; name: string } | WorkspaceNotice;

export interface TabInfo {
  state: PageState;
  /** Who this tab is logged in as, when we know (filled by us or seen submitted). */
  workspace?: string;
  identifier?: string;
  entryId?: string;
  /** Login window showing while locked: fill it as soon as the user unlocks. */
  waitingForUnlock?: boolean;
  /**
   * The account the address of the tab's current document names (`#ESPACE&login=`), never a
   * password, and whether the user's own navigation carried it (src/navigation.ts). Taken when
   * the browser commits the navigation, so a page script rewriting its address afterwards
   * changes nothing; only a trusted hint may choose among the saved accounts.
   */
  hint?: AccountHint;
  /** Entries auto-submitted in this tab since the user last acted: each gets one try. */
  autoSubmitted?: string[];
  /** The entry just auto-submitted: the login window coming back before a login means refused. */
  autoSubmitPending?: string;
  /**
   * What each frame that reported shows, by frameId, once a sub-frame of the current document
   * reported (src/background/frames.ts); `state` then joins them. Reset when the top frame
   * commits a new document.
   */
  frames?: Record<string, PageState>;
  /** Something the user must decide in the popup (badge + popup line). */
  notice?: TabNotice;
  /** Epoch ms of the content script's first report from the tab's current document. */
  loadedAt?: number;
  /**
   * How the last fill of this document's login window ended: every fill request gets one, so
   * "the extension had its chance and filled nothing" is an observable state, not a wait.
   */
  lastFill?: FillOutcome;
  /** How the last "Teach the login fields" in this tab ended (tests wait on it). */
  lastTeach?: "saved" | "cancelled" | "refused";
}

export interface PendingLogin {
  tabId: number;
  entryId: string;
  /** Epoch ms after which the login is given up with a notification. */
  deadline: number;
  /** Set once we clicked the page's logout control and wait for the login window. */
  loggingOut?: boolean;
}

/** A login typed by hand that the user may save (the save prompt), and the entry it updates. */
export interface PendingSaveStored extends Credentials {
  existingId?: string;
}

/** Per-tab records, by tab id. */
export type TabRecords = Record<string, TabInfo>;
