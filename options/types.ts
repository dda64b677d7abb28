// The options page's props contract. Each section receives only its slice of data and actions,
// so it renders in a unit test from plain objects.
import type {
  Entry,
  EntryInput,
  EntrySummary,
  Failure,
  FieldMapSummary,
  ImportChoice,
  ImportOutcome,
  VaultStatus,
} from "../src/protocol";
import type { Settings } from "../src/settings";
import type { StrengthVerdict } from "../src/ui/password-strength";
import type { Outcome } from "../src/ui/entry-form";
import type { PasskeyRequest, PasskeySummary } from "../src/passkey-protocol";

export type Valued<T> = { ok: true; value: T } | Failure;

/** The strength verdict plus the length rule, so the UI can say "at least N characters". */
export type Strength = StrengthVerdict & { minLength: number };

export interface OptionsData {
  /** null until vault.status answers. */
  vault: VaultStatus | null;
  loadError: Failure | null;
  entries: EntrySummary[];
  listError: Failure | null;
  settings: Settings | null;
}

export interface VaultActions {
  create: (password: string, confirm: string) => Promise<Outcome>;
  unlock: (password: string) => Promise<Outcome>;
  unlockWithPasskey: (requests: PasskeyRequest[]) => Promise<Outcome>;
  lock: () => Promise<Outcome>;
  changePassword: (request: { current: string; next: string; confirm: string }) => Promise<Outcome>;
  reset: (confirmation: string) => Promise<Outcome>;
  /** Downloads the raw encrypted storage (corrupt vault rescue). */
  downloadRaw: () => Promise<Outcome>;
  checkStrength: (password: string, userInputs?: string[]) => Promise<Strength>;
}

export interface PasskeyActions {
  /** Whether this browser can run a ceremony with the PRF extension here. */
  supported: () => Promise<boolean>;
  list: () => Promise<Valued<PasskeySummary[]>>;
  /** Creates a passkey (its ceremony), then has the worker check the password and wrap. */
  add: (request: { name: string; password: string; exclude: string[] }) => Promise<Outcome>;
  remove: (credentialId: string) => Promise<Outcome>;
}

/** The pages whose login fields the user taught, and Forget. */
export interface FieldMapActions {
  list: () => Promise<Valued<FieldMapSummary[]>>;
  forget: (page: string) => Promise<Outcome>;
}

export interface EntryActions {
  get: (id: string) => Promise<Valued<Entry>>;
  /**
   * `revision`: the vault revision the form was opened at (see `revision()`); a change made
   * elsewhere since then is refused as stale instead of being silently overwritten.
   */
  save: (request: { id?: string; input: EntryInput; revision?: number }) => Promise<Outcome>;
  /** The vault revision of the list shown now. */
  revision: () => number;
  remove: (id: string) => Promise<Outcome>;
  /** Copies to the clipboard; resolves to the sentence to announce. */
  copy: (value: string) => Promise<string>;
}

export interface SettingsActions {
  set: (patch: Partial<Settings>) => Promise<Valued<Settings>>;
}

export interface BackupActions {
  /** Encrypts with `password` and downloads the file; resolves to the file name. */
  exportTo: (password: string) => Promise<Valued<string>>;
  /** The master password's rule, which a new export password is held to too. */
  checkStrength: VaultActions["checkStrength"];
  /**
   * `conflicts`: nothing was written; call again with `choices` (ImportConflict.id → choice) for
   * every one of them.
   */
  importFrom: (request: {
    text: string;
    password: string;
    mode: "merge" | "replace";
    choices?: Record<string, ImportChoice>;
  }) => Promise<Valued<ImportOutcome>>;
}

/**
 * What an address says about its password: nothing, the password, or — when more follows it
 * than the parts we read (`password=Tr0ub&dor=4x`, src/hash-url.ts) — the candidates, shortest
 * first, for the user to choose from. Nothing is saved from an ambiguous address unchosen.
 */
export type AddressPassword =
  | { password?: undefined; candidates?: undefined }
  | { password: string; candidates?: undefined }
  | { password?: undefined; candidates: string[] };

/** One pasted address, as the rescue preview shows it. */
export type RescueLine =
  | ({
      ok: true;
      line: number;
      workspace?: string;
      identifier?: string;
      /** The address without its password: the only form ever displayed. */
      safeUrl: string;
    } & AddressPassword)
  | { ok: false; line: number; safeText: string };

/** A bookmark holding an IamOffice password. `url` is kept for stripping, never displayed. */
export type BookmarkHit = {
  id: string;
  title: string;
  url: string;
  safeUrl: string;
  workspace?: string;
  identifier?: string;
} & ({ password: string; candidates?: undefined } | { password?: undefined; candidates: string[] });

/** An account and password the vault may hold. */
export interface HeldPassword {
  workspace: string;
  identifier: string;
  password: string;
}

export type BookmarkSearch =
  { ok: true; hits: BookmarkHit[] } | { ok: false; reason: "denied" | "unavailable" };

export interface RescueActions {
  parse: (text: string) => RescueLine[];
  /** Must be called straight from a click: it asks for the optional bookmarks permission. */
  findBookmarks: () => Promise<BookmarkSearch>;
  stripBookmark: (hit: BookmarkHit) => Promise<boolean>;
  deleteBookmark: (hit: BookmarkHit) => Promise<boolean>;
  /**
   * Whether the vault holds exactly this password for this account (read back from the vault,
   * not assumed from a save's answer): the condition for offering to change a bookmark.
   */
  vaultHolds: (account: HeldPassword) => Promise<boolean>;
}

export interface OptionsActions {
  vault: VaultActions;
  passkeys: PasskeyActions;
  fieldMaps: FieldMapActions;
  entries: EntryActions;
  settings: SettingsActions;
  backup: BackupActions;
  rescue: RescueActions;
}

export interface OptionsProps {
  data: OptionsData;
  actions: OptionsActions;
}
