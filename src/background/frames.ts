// IamOffice's own frames. The login window may live in a frame (or a <frameset> frame) whose
// document is https://soft.iamoffice.net, and so is every ancestor up to the tab's top: such a
// frame is treated like the top frame. Any foreign ancestor (evil.test framing IamOffice, or
// IamOffice framing evil.test framing IamOffice) and it gets nothing. Decided from what the
// browser says — the sender's frameId and webNavigation.getAllFrames' parent chain — never from
// the page (Firefox has no location.ancestorOrigins, and a page cannot vouch for itself).
import type { Runtime } from "webextension-polyfill";
import browser from "../browser";
import type { PageState } from "../protocol";
import type { TabInfo } from "../storage/schema";
import { isIamOfficeUrl } from "../origin";
import type { Self } from "./trust";

export interface FrameNode {
  frameId: number;
  parentFrameId: number;
  url: string;
}

/** Pure: is `frameId` IamOffice, and every frame above it up to the top one? */
export function iamOfficeAllTheWayUp(frames: readonly FrameNode[], frameId: number): boolean {
  const byId = new Map(frames.map((f) => [f.frameId, f]));
  const seen = new Set<number>();
  for (let id = frameId; !seen.has(id);) {
    seen.add(id);
    const frame = byId.get(id);
    if (!frame || !isIamOfficeUrl(frame.url)) return false;
    if (id === 0) return frame.parentFrameId === -1;
    if (frame.parentFrameId < 0) return false;
    id = frame.parentFrameId;
  }
  return false; // a cycle: never trust it
}

/**
 * Our content script in a sub-frame of an IamOffice tab, IamOffice all the way up (the top
 * frame itself is trust.ts's business). One getAllFrames call per message from such a frame.
 */
export async function isIamOfficeSubframe(
  sender: Runtime.MessageSender,
  self: Self,
): Promise<boolean> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (sender.id !== self.id || tabId === undefined || frameId === undefined || frameId <= 0) {
    return false;
  }
  if (!isIamOfficeUrl(sender.tab?.url) || !isIamOfficeUrl(sender.url)) return false;
  return isIamOfficeFrame(tabId, frameId);
}

/** Frame `frameId` of the tab and every frame above it are IamOffice, as the browser says now. */
export async function isIamOfficeFrame(tabId: number, frameId: number): Promise<boolean> {
  try {
    const frames = await browser.webNavigation.getAllFrames({ tabId });
    return !!frames && iamOfficeAllTheWayUp(frames, frameId);
  } catch {
    return false; // the tab is gone, or no frame tree: never trust
  }
}

// What each frame of the tab shows: one login window anywhere makes the tab's state "login",
// else one logged-in frame makes it "logged-in".
const RANK: Record<PageState, number> = { login: 2, "logged-in": 1, unknown: 0 };

/**
 * Pure: the tab's state after frame `frameId` reported `state`. A tab whose sub-frames never
 * reported keeps no per-frame record: its state is the top frame's, as before.
 */
export function withFrameState(
  info: TabInfo | undefined,
  frameId: number,
  state: PageState,
): { frames?: Record<string, PageState>; state: PageState } {
  if (frameId === 0 && !info?.frames) return { state };
  const frames = {
    ...(info?.frames ?? { "0": info?.state ?? "unknown" }),
    [String(frameId)]: state,
  };
  const all = Object.values(frames);
  const tab = all.reduce<PageState>((a, b) => (RANK[b] > RANK[a] ? b : a), "unknown");
  return { frames, state: tab };
}

/** The frame to talk to about the tab's login window (or its logout control): top by default. */
export function frameShowing(info: TabInfo | undefined, ...states: PageState[]): number {
  for (const state of states) {
    const hit = Object.entries(info?.frames ?? {}).find(([, s]) => s === state);
    if (hit) return Number(hit[0]);
  }
  return 0;
}

/** Whether a sub-frame of the tab's current document already reported a login window. */
export function subframeShowsLogin(info: TabInfo | undefined): boolean {
  return Object.entries(info?.frames ?? {}).some(([id, s]) => id !== "0" && s === "login");
}
