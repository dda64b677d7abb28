// The checks of stored values, one per item (src/storage/items.ts): what fits is returned, rebuilt
// from the fields this version knows; what does not is undefined, and the item answers its
// fallback instead (the vault: "corrupt", offered for raw export, never silently replaced).
// Pure.
import {
  isBoolean,
  isFiniteNumber,
  isInteger,
  isNonNegativeInt,
  isRecord,
  isSafeInteger,
  isString,
  isStringArray,
  oneOf,
} from "../guards";
import type { ClockState } from "../idle-clock";
import type { AccountHint } from "../navigation";
import type { FillOutcome, PageState } from "../protocol";
import type {
  LegacyVault,
  PendingLogin,
  PendingSaveStored,
  StoredPasskey,
  StoredVault,
  TabInfo,
  TabNotice,
  TabRecords,
  UnlockThrottle,
} from "./schema";

const nonEmpty = (v: unknown): v is string => isString(v) && v.length > 0;

/**
 * The stored vault's structure (its content is checked by decryption). Format 2 must carry its
 * sealed index; format 1 may lack one (0.0.x previews) and is migrated at the next unlock.
 */
export function isStoredVault(v: unknown): v is StoredVault | LegacyVault {
  if (!isRecord(v) || (v.format !== 1 && v.format !== 2)) return false;
  if (!isInteger(v.revision) || v.revision < 0) return false;
  if (!isRecord(v.wrapped) || !Array.isArray(v.records)) return false;
  if (v.format === 2 ? !isRecord(v.index) : v.index !== undefined && !isRecord(v.index))
    return false;
  const ids = new Set<string>();
  for (const r of v.records) {
    if (!isRecord(r) || !nonEmpty(r.id) || !nonEmpty(r.iv) || !nonEmpty(r.ct) || ids.has(r.id))
      return false;
    ids.add(r.id);
  }
  return true;
}

/** The longest passkey name kept (the worker refuses longer ones). */
export const PASSKEY_NAME_MAX = 64;

/**
 * The well-formed passkey wraps of a vault's `passkeys` field (their bytes are checked by
 * decryption); anything else in it is ignored. One wrap per credential id: the first.
 */
export function parsePasskeys(v: unknown): StoredPasskey[] {
  if (!Array.isArray(v)) return [];
  const out: StoredPasskey[] = [];
  for (const p of v) {
    if (!isRecord(p) || !nonEmpty(p.credentialId) || !nonEmpty(p.salt)) continue;
    if (!nonEmpty(p.iv) || !nonEmpty(p.key) || !isFiniteNumber(p.createdAt)) continue;
    if (!isString(p.name) || p.name.length > PASSKEY_NAME_MAX) continue;
    if (out.some((q) => q.credentialId === p.credentialId)) continue;
    const { credentialId, salt, iv, key, name, createdAt } = p;
    out.push({ credentialId, salt, iv, key, name, createdAt });
  }
  return out;
}

export function parseThrottle(v: unknown): UnlockThrottle | undefined {
  if (!isRecord(v) || !isNonNegativeInt(v.failures) || !isFiniteNumber(v.notBefore)) return;
  return { failures: v.failures, notBefore: v.notBefore };
}

/** The idle clock; anything malformed reads as a stopped clock (the item's fallback). */
export function parseClock(v: unknown): ClockState | undefined {
  if (!isRecord(v)) return;
  const { loggedInTabs, lastActivity, warned, lapsedAt, logoutClickAt } = v;
  const time = (t: unknown): t is number | null => t === null || isFiniteNumber(t);
  if (!Array.isArray(loggedInTabs) || !loggedInTabs.every(isSafeInteger)) return;
  if (!isFiniteNumber(lastActivity) || !isBoolean(warned) || !time(lapsedAt)) return;
  if (!time(logoutClickAt)) return;
  return {
    loggedInTabs: [...new Set(loggedInTabs)],
    lastActivity,
    warned,
    lapsedAt,
    logoutClickAt,
  };
}

const isPageState = oneOf<PageState>(["login", "logged-in", "unknown"]);
const isFillOutcome = oneOf<FillOutcome>([
  "filled",
  "refused",
  "locked",
  "no_entry",
  "disabled",
  "ask",
  "forbidden",
]);

function parseHint(v: unknown): AccountHint | undefined {
  if (!isRecord(v) || !isBoolean(v.trusted)) return;
  return {
    ...(isString(v.workspace) ? { workspace: v.workspace } : {}),
    ...(isString(v.identifier) ? { identifier: v.identifier } : {}),
    trusted: v.trusted,
  };
}

function parseNotice(v: unknown): TabNotice | undefined {
  if (!isRecord(v)) return;
  if (v.kind === "choose") return { kind: "choose" };
  if (v.kind === "refused" && isString(v.entryId) && isString(v.name)) {
    return { kind: "refused", entryId: v.entryId, name: v.name };
  }
  if (v.kind === "workspace" && isStringArray(v.entryIds)) {
    return { kind: "workspace", entryIds: v.entryIds };
  }
}

/** Each frame's page state, by frame id (src/background/frames.ts). */
function parseFrames(v: unknown): Record<string, PageState> | undefined {
  if (!isRecord(v)) return;
  const frames: Record<string, PageState> = {};
  for (const [key, state] of Object.entries(v)) {
    if (/^\d+$/.test(key) && isPageState(state)) frames[key] = state;
  }
  return frames;
}

const isTeachOutcome = oneOf<NonNullable<TabInfo["lastTeach"]>>(["saved", "cancelled", "refused"]);

/** One tab's record with the fields this version knows; undefined without a page state. */
export function parseTabInfo(v: unknown): TabInfo | undefined {
  if (!isRecord(v) || !isPageState(v.state)) return;
  const info: TabInfo = { state: v.state };
  if (isString(v.workspace)) info.workspace = v.workspace;
  if (isString(v.identifier)) info.identifier = v.identifier;
  if (isString(v.entryId)) info.entryId = v.entryId;
  if (isBoolean(v.waitingForUnlock)) info.waitingForUnlock = v.waitingForUnlock;
  const hint = parseHint(v.hint);
  if (hint) info.hint = hint;
  if (isStringArray(v.autoSubmitted)) info.autoSubmitted = v.autoSubmitted;
  if (isString(v.autoSubmitPending)) info.autoSubmitPending = v.autoSubmitPending;
  const notice = parseNotice(v.notice);
  if (notice) info.notice = notice;
  if (isFiniteNumber(v.loadedAt)) info.loadedAt = v.loadedAt;
  if (isFillOutcome(v.lastFill)) info.lastFill = v.lastFill;
  const frames = parseFrames(v.frames);
  if (frames) info.frames = frames;
  if (isTeachOutcome(v.lastTeach)) info.lastTeach = v.lastTeach;
  return info;
}

/** Every tab record that fits; one that does not is dropped, not the others. */
export function parseTabs(v: unknown): TabRecords | undefined {
  if (!isRecord(v)) return;
  const tabs: TabRecords = {};
  for (const [key, raw] of Object.entries(v)) {
    const info = parseTabInfo(raw);
    if (info && /^\d+$/.test(key)) tabs[key] = info;
  }
  return tabs;
}

export function parsePendingLogin(v: unknown): PendingLogin | undefined {
  if (!isRecord(v) || !isSafeInteger(v.tabId) || !isString(v.entryId)) return;
  if (!isFiniteNumber(v.deadline)) return;
  const p: PendingLogin = { tabId: v.tabId, entryId: v.entryId, deadline: v.deadline };
  if (isBoolean(v.loggingOut)) p.loggingOut = v.loggingOut;
  return p;
}

export function parsePendingSave(v: unknown): PendingSaveStored | undefined {
  if (!isRecord(v) || !isString(v.workspace) || !isString(v.identifier)) return;
  if (!isString(v.password)) return;
  const p: PendingSaveStored = {
    workspace: v.workspace,
    identifier: v.identifier,
    password: v.password,
  };
  if (isString(v.existingId)) p.existingId = v.existingId;
  return p;
}
