// The typed message protocol: every message name, its request and its response, in one map per
// direction. Senders and receivers are typed from these maps, so a payload can never drift from
// its handler. Trust is NOT encoded here: the background decides it from `sender` (see
// src/background/trust.ts), never from anything a payload says. Shapes that have a home of their
// own (entries, import reports, results) are defined there and re-exported here, so that a page
// finds the whole contract in one module. Pure.

import type { Entry, EntryInput, EntrySummary } from "./entries/rules";
import type { ImportChoice, ImportOutcome } from "./entries/merge";
import type { Result } from "./result";
import type { Settings } from "./settings";
import type { NoFillReason, PageState, TabMessages } from "./protocol-content";
import type { PasskeyMessages, PasskeyRequest } from "./passkey-protocol";

// ---------- shared shapes ----------
export type { Credentials, Entry, EntryInput, EntrySummary } from "./entries/rules";
export type {
  ImportChoice,
  ImportConflict,
  ImportDetail,
  ImportOutcome,
  ImportReport,
  MergeOutcome,
} from "./entries/merge";
export type { ErrorCode, Failure, Result } from "./result";

/** `none`: no vault created yet. `corrupt`: stored data does not fit the schema (never wiped). */
export type VaultState = "none" | "locked" | "unlocked" | "corrupt";

export type { NoFillReason, PageState } from "./protocol-content";

/**
 * How a fill request ended: "filled", or why nothing was typed — the background had nothing to
 * give (locked, no entry, autofill off) or the page refused it (window gone, fields hidden or
 * covered, the user's own text, no submit control).
 */
export type FillOutcome = "filled" | NoFillReason | "refused";

export interface VaultStatus {
  state: VaultState;
  /** Milliseconds before another unlock attempt is accepted (growing delay after failures). */
  retryAfterMs: number;
  /** Locked, with passkeys registered: what the page asks the authenticator for. */
  passkeys?: PasskeyRequest[];
}

export interface TabStatus {
  tabId: number;
  state: PageState;
  /** Identifier the page shows as logged in, when known. */
  identifier?: string;
  workspace?: string;
  /** Minutes left before the idle logout, when the clock runs. */
  minutesLeft?: number;
  /**
   * The account to choose here, the saved password IamOffice just refused (by name), or the
   * saved entries for the read-only workspace the page shows (none was filled).
   */
  notice?: { kind: "choose" } | { kind: "refused"; name: string } | WorkspaceNotice;
}

/** The page's read-only workspace names these saved entries, not the one it would get. */
export interface WorkspaceNotice {
  kind: "workspace";
  entryIds: string[];
}

/** A page with a taught field map, for the options page's list (never the locators' text). */
export interface FieldMapSummary {
  page: string;
  savedAt: number;
}

export interface PendingSave {
  workspace: string;
  identifier: string;
  /** id of the entry it would update, when the workspace+identifier already exist. */
  existingId?: string;
}

export interface StatusSnapshot {
  vault: VaultStatus;
  tab: TabStatus | null;
  pendingSave: PendingSave | null;
  /** Hash-URL hints from the active IamOffice tab (`#ESPACE&login=`), for quick add. */
  hint: { workspace?: string; identifier?: string } | null;
}

// ---------- messages from extension pages (popup, options) to the background ----------
export interface PageMessages extends PasskeyMessages {
  "vault.status": [undefined, VaultStatus];
  "vault.create": [{ password: string; confirm: string }, Result];
  "vault.unlock": [{ password: string }, Result];
  "vault.lock": [undefined, Result];
  "vault.changePassword": [{ current: string; next: string; confirm: string }, Result];
  "vault.reset": [{ confirmation: string }, Result];
  /** Raw encrypted storage, for recovery when the vault is corrupt. */
  "vault.exportRaw": [undefined, Result<string>];
  "entries.list": [undefined, Result<{ entries: EntrySummary[]; revision: number }>];
  "entries.get": [{ id: string }, Result<Entry>];
  /** Create (no id) or update. `revision` is what the caller last saw: stale → refused. */
  "entries.save": [
    { id?: string; input: EntryInput; revision: number },
    Result<{ id: string; revision: number }>,
  ];
  "entries.delete": [{ id: string; revision: number }, Result<{ revision: number }>];
  "settings.get": [undefined, Settings];
  "settings.set": [{ patch: Partial<Settings> }, Result<Settings>];
  "login.oneClick": [{ id: string; newTab?: boolean }, Result];
  "backup.export": [{ password?: string }, Result<string>];
  /**
   * Merge answers `conflicts` (and writes nothing) while an unclear conflict has no entry in
   * `choices`, keyed by ImportConflict.id; sent again with the choices, it imports.
   */
  "backup.import": [
    {
      text: string;
      password: string;
      mode: "merge" | "replace";
      revision: number;
      choices?: Record<string, ImportChoice>;
    },
    Result<ImportOutcome>,
  ];
  "status.get": [undefined, StatusSnapshot];
  /**
   * Everything the popup's first paint needs, in one round trip: the status snapshot and, when
   * the vault is unlocked, the list (else null).
   */
  "popup.open": [
    undefined,
    {
      status: StatusSnapshot;
      list: Result<{ entries: EntrySummary[]; revision: number }> | null;
    },
  ];
  "pendingSave.dismiss": [undefined, Result];
  /** The password of the pending save prompt, to prefill the quick-add form. */
  "pendingSave.get": [undefined, Result<EntryInput>];
  /** "Teach the login fields": pick mode in that IamOffice tab (src/background/field-maps.ts). */
  "teach.start": [{ tabId: number }, Result];
  "fieldMaps.list": [undefined, Result<{ pages: FieldMapSummary[] }>];
  "fieldMaps.forget": [{ page: string }, Result];
  /** "Copy a detection report" of that IamOffice tab: plain text, no value in it. */
  "report.get": [{ tabId: number }, Result<string>];
}

// ---------- messages from the content script to the background ----------

// The content script's two directions (content.* and tab.*) live in src/protocol-content.ts.
export type {
  ContentMessages,
  FillAnswer,
  FillCommand,
  FillRefusal,
  FillRequest,
  TabMessages,
} from "./protocol-content";

// ---------- envelopes ----------

type AnyMap<M> = { [K in keyof M]: [unknown, unknown] };

type MessageOf<M extends AnyMap<M>> = {
  [K in keyof M & string]: M[K][0] extends undefined
    ? { type: K; payload?: undefined }
    : { type: K; payload: M[K][0] };
}[keyof M & string];

export type RequestOf<M extends AnyMap<M>, K extends keyof M> = M[K][0];
export type ResponseOf<M extends AnyMap<M>, K extends keyof M> = M[K][1];

export type TabMessage = MessageOf<TabMessages>;
