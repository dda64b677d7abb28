// The content script's half of the typed message protocol (re-exported by src/protocol.ts):
// what it asks the background (content.*), and what the background asks the content script of
// one tab's frame (tab.*). Pure.
import type { Credentials } from "./entries/rules";
import type { FieldMap } from "./field-map";

/** What the content script sees in its tab. */
export type PageState = "login" | "logged-in" | "unknown";

/** Why the background gives nothing to fill. */
export type NoFillReason = "locked" | "no_entry" | "disabled" | "ask" | "forbidden";

/** What the background answers when the content script asks what to fill. */
export type FillAnswer = { fill: FillCommand } | { fill: null; reason: NoFillReason };

/**
 * What the content script says with its request for a fill. `lockedWorkspace`: the read-only
 * (or disabled) workspace the page filled itself; it can only confirm the picked entry, never
 * choose another (src/background/locked-workspace.ts). `noSubmit`: right after teaching.
 */
export interface FillRequest {
  lockedWorkspace?: string;
  noSubmit?: boolean;
}

export interface ContentMessages {
  /**
   * A sub-frame's content script asks whether it may start. The router answers only when the
   * browser's frame tree shows IamOffice all the way up (src/background/frames.ts).
   */
  "content.frame": [undefined, { ok: true }];
  /**
   * `load`: the first report of a new document (a real page load, not a same-page change); its
   * answer carries the page's taught field map, if any (then no fill: the content script looks
   * again with the map and asks with content.requestFill). `fill`: a new login window shows;
   * answer what to fill, as content.requestFill would (one round trip instead of two).
   * Otherwise the answer is undefined.
   */
  "content.pageState": [
    { state: PageState; load?: boolean; fill?: boolean } & FillRequest,
    { fieldMap: FieldMap } | FillAnswer | undefined,
  ];
  /**
   * Ask what to fill into the login window now showing (a new window while the page state
   * stays the same, or a fill asked for again). The background picks the entry from the
   * account the user's own navigation named and the user's settings, never from the page.
   */
  "content.requestFill": [FillRequest | undefined, FillAnswer];
  /**
   * Trusted user activity happened (throttled by the sender). `logoutClick`: the action was a
   * click on the page's Déconnexion control (sent at once), so the next login window is the
   * user's own logout, not an idle one.
   */
  "content.activity": [{ logoutClick?: boolean }, undefined];
  /** How the fill the background just answered ended in the page (after any submit). */
  "content.fillResult": [{ ok: boolean }, undefined];
  /** The user submitted the login window by hand; may lead to a save prompt. */
  "content.submitted": [Credentials, undefined];
  /** The user showed the login fields (pick mode): the map, locators only. */
  "content.taught": [{ map: FieldMap }, { ok: boolean }];
  /** Pick mode ended without a map: Escape, or the page hid or covered its banner. */
  "content.teachEnded": [{ outcome: "cancelled" | "refused" }, undefined];
}

// ---------- messages from the background to the content script of one tab ----------

export interface FillCommand extends Credentials {
  entryId: string;
  /** Click the submit control after filling. */
  submit: boolean;
  /** Replace what the user typed (explicit login) rather than only filling empty fields. */
  replace: boolean;
}

/**
 * Why the content script did not fill: no login window now, the user's own text, a field it may
 * not type into, or no safe submit control.
 */
export type FillRefusal =
  "no_window" | "user_text" | "not_fillable" | "other_workspace" | "no_submit";

export interface TabMessages {
  /**
   * Fill (and submit) the login window now showing. Sent for a one-click login without asking
   * first what the tab shows: a tab without a login window answers `no_window`.
   */
  "tab.fill": [FillCommand, { ok: true } | { ok: false; reason: FillRefusal }];
  /** Click the page's own Déconnexion control. */
  "tab.logout": [undefined, { ok: boolean }];
  /** Ask the content script to request a fill again (after an unlock). */
  "tab.refill": [undefined, { ok: boolean }];
  /** The user just taught this page's fields: use the map now. */
  "tab.taught": [FieldMap, { ok: boolean }];
  // Answered by the on-demand tools (src/content/tools.ts): are they here, pick mode ("Teach
  // the login fields"), and the frame's detection report, given the page's taught map.
  "tab.tools": [undefined, { ok: true }];
  "tab.teach": [undefined, { ok: boolean }];
  "tab.report": [{ fieldMap: FieldMap | null }, { text: string }];
}
