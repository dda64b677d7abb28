// The typed message protocol: every message name, its request and its response, in one map per
// direction. Senders and receivers are typed from these maps, so a payload can never drift from
// its handler. Trust is NOT encoded here: the background decides it from `sender` (see
// src/background/trust.ts), never from anything a payload says.

import type { Settings } from "./settings";
import type { FieldMap } from "./field-map";

// ---------- shared shapes ----------

export interface EntryInput {
  name: string;
  workspace: string;
  identifier: string;
  password: string;
}

/** What lists show: never the password. */
export interface EntrySummary {
  id: string;
  name: string;
  workspace: string;
  identifier: string;
  createdAt: number;
  updatedAt: number;
  lastUsedAt: number | null;
}

export interface Entry extends EntrySummary {
  password: string;
}

/** `none`: no vault created yet. `corrupt`: stored data does not fit the schema (never wiped). */
export type VaultState = "none" | "locked" | "unlocked" | "corrupt";

/** What the content script sees in its tab. */
export type PageState = "login" | "logged-in" | "unknown";

/**
 * How a fill request ended: "filled", or why nothing was typed — the background had nothing to
 * give (locked, no entry, autofill off) or the page refused it (window gone, fields hidden or
 * covered, the user's own text, no submit control).
 */
export type FillOutcome = "filled" | NoFillReason | "refused";
export type NoFillReason = "locked" | "no_entry" | "disabled" | "ask" | "forbidden";

/**
 * Error codes double as i18n message keys (`err_<code>` in public/_locales), so every failure
 * reaches the user as a translated sentence.
 */
export type ErrorCode =
  | "forbidden"
  | "malformed"
  | "unknown_message"
  | "no_vault"
  | "vault_exists"
  | "locked"
  | "corrupt"
  | "wrong_password"
  | "too_many_attempts"
  | "weak_password"
  | "password_mismatch"
  | "kdf_too_weak"
  | "tampered"
  | "invalid_entry"
  | "duplicate_entry"
  | "not_found"
  | "stale_revision"
  | "storage_failed"
  | "invalid_settings"
  | "reset_confirmation"
  | "backup_not_ours"
  | "backup_truncated"
  | "backup_future_version"
  | "backup_too_large"
  | "backup_tampered"
  | "backup_invalid_entries"
  | "backup_wrong_password"
  | "login_no_window"
  | "login_unreachable"
  | "login_logout_failed"
  | "internal";

export interface Failure {
  ok: false;
  error: ErrorCode;
  /**
   * Field-level problems, e.g. `{ workspace: "empty" }`, for forms: keys are EntryInput fields,
   * "password" or "confirm"; values are i18n key suffixes.
   */
  fields?: Partial<Record<string, string>>;
  /** Extra detail for the message (e.g. the existing entry's name, seconds to wait). */
  detail?: string;
  retryAfterMs?: number;
}

export type Result<T = undefined> =
  ({ ok: true } & (T extends undefined ? unknown : { value: T })) | Failure;

export interface VaultStatus {
  state: VaultState;
  /** Milliseconds before another unlock attempt is accepted (growing delay after failures). */
  retryAfterMs: number;
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

/**
 * How an account found in both the vault and a backup was settled. The newer record (by
 * `updatedAt`) wins; when which is newer is unclear, the user chose.
 */
export type MergeOutcome = "kept_newer" | "took_newer" | "kept_chosen" | "took_chosen";

export interface ImportDetail {
  name: string;
  workspace: string;
  identifier: string;
  outcome: MergeOutcome;
}

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  /** Every account whose vault and backup versions differed, and which one was kept. */
  details: ImportDetail[];
}

/**
 * The same account with another password in the backup, and no telling which is newer (equal or
 * unknown dates): nothing is written until the user chooses. Never carries a password.
 */
export interface ImportConflict {
  /** The vault entry's id: what the user's choice is keyed by. */
  id: string;
  name: string;
  workspace: string;
  identifier: string;
  /** Last change of each side (epoch ms), 0 when unknown. */
  yoursUpdatedAt: number;
  backupUpdatedAt: number;
}

export type ImportChoice = "mine" | "backup";

export type ImportOutcome =
  { status: "done"; report: ImportReport } | { status: "conflicts"; conflicts: ImportConflict[] };

// ---------- messages from extension pages (popup, options) to the background ----------

export interface PageMessages {
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

export interface ContentMessages {
  /**
   * A sub-frame's content script asks whether it may start. The router answers only when the
   * browser's frame tree shows IamOffice all the way up (src/background/frames.ts).
   */
  "content.frame": [undefined, { ok: true }];
  /** `load`: the first report of a new document (a real page load, not a same-page change). */
  /** The answer to a `load` report carries the page's taught field map, if any. */
  "content.pageState": [{ state: PageState; load?: boolean }, { fieldMap?: FieldMap } | undefined];
  /**
   * Ask what to fill into the login window now showing. The background picks the entry from
   * the tab's page-load hint and the user's settings. `lockedWorkspace`: the read-only (or
   * disabled) workspace the page filled itself; it can only confirm the picked entry, never
   * choose another (src/background/locked-workspace.ts).
   */
  "content.requestFill": [
    { lockedWorkspace?: string; noSubmit?: boolean } | undefined,
    { fill: FillCommand } | { fill: null; reason: NoFillReason },
  ];
  /**
   * Trusted user activity happened (throttled by the sender). `logoutClick`: the action was a
   * click on the page's Déconnexion control (sent at once), so the next login window is the
   * user's own logout, not an idle one.
   */
  "content.activity": [{ logoutClick?: boolean }, undefined];
  /** How the fill the background just answered ended in the page (after any submit). */
  "content.fillResult": [{ ok: boolean }, undefined];
  /** The user submitted the login window by hand; may lead to a save prompt. */
  "content.submitted": [{ workspace: string; identifier: string; password: string }, undefined];
  /** The user showed the login fields (pick mode): the map, locators only. */
  "content.taught": [{ map: FieldMap }, { ok: boolean }];
  /** Pick mode ended without a map: Escape, or the page hid or covered its banner. */
  "content.teachEnded": [{ outcome: "cancelled" | "refused" }, undefined];
}

// ---------- messages from the background to the content script of one tab ----------

export interface FillCommand {
  entryId: string;
  workspace: string;
  identifier: string;
  password: string;
  /** Click the submit control after filling. */
  submit: boolean;
  /** Replace what the user typed (explicit login) rather than only filling empty fields. */
  replace: boolean;
}

export interface TabMessages {
  "tab.fill": [FillCommand, { ok: true } | { ok: false; reason: string }];
  /** Click the page's own Déconnexion control. */
  "tab.logout": [undefined, { ok: boolean }];
  "tab.probe": [undefined, { state: PageState }];
  /** Ask the content script to request a fill again (after an unlock). */
  "tab.refill": [undefined, { ok: boolean }];
  /** Start pick mode ("Teach the login fields"). */
  "tab.teach": [undefined, { ok: boolean }];
  /** The detection report of the frame (src/content/report.ts). */
  "tab.report": [undefined, { text: string }];
}

// ---------- envelopes ----------

type AnyMap<M> = { [K in keyof M]: [unknown, unknown] };

export type MessageOf<M extends AnyMap<M>> = {
  [K in keyof M & string]: M[K][0] extends undefined
    ? { type: K; payload?: undefined }
    : { type: K; payload: M[K][0] };
}[keyof M & string];

export type RequestOf<M extends AnyMap<M>, K extends keyof M> = M[K][0];
export type ResponseOf<M extends AnyMap<M>, K extends keyof M> = M[K][1];

export type PageMessage = MessageOf<PageMessages>;
export type ContentMessage = MessageOf<ContentMessages>;
export type TabMessage = MessageOf<TabMessages>;

const pageTypes: Record<keyof PageMessages, true> = {
  "vault.status": true,
  "vault.create": true,
  "vault.unlock": true,
  "vault.lock": true,
  "vault.changePassword": true,
  "vault.reset": true,
  "vault.exportRaw": true,
  "entries.list": true,
  "entries.get": true,
  "entries.save": true,
  "entries.delete": true,
  "settings.get": true,
  "settings.set": true,
  "login.oneClick": true,
  "backup.export": true,
  "backup.import": true,
  "status.get": true,
  "pendingSave.dismiss": true,
  "pendingSave.get": true,
  "teach.start": true,
  "fieldMaps.list": true,
  "fieldMaps.forget": true,
  "report.get": true,
};

const contentTypes: Record<keyof ContentMessages, true> = {
  "content.frame": true,
  "content.pageState": true,
  "content.requestFill": true,
  "content.activity": true,
  "content.submitted": true,
  "content.fillResult": true,
  "content.taught": true,
  "content.teachEnded": true,
};

export function isPageMessageType(type: unknown): type is keyof PageMessages {
  return typeof type === "string" && Object.hasOwn(pageTypes, type);
}

export function isContentMessageType(type: unknown): type is keyof ContentMessages {
  return typeof type === "string" && Object.hasOwn(contentTypes, type);
}

/** Shape check of an envelope; payload fields are validated by each handler. */
export function envelope(raw: unknown): { type: unknown; payload: unknown } | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  return { type: r.type, payload: r.payload };
}
