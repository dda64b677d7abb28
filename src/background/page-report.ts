// What a frame's report of its page state changes in the worker: the tab's record, the idle
// clock, an automatic submit it settles, the re-login after an idle logout, a pending login that
// meets a tab already logged in. Each owner is handed the event in turn; the caller answers the
// report (a fill, a field map) and refreshes the badge.
import type { PageState } from "../protocol";
import type { ClockEvent } from "../idle-clock";
import { settleAutoSubmit } from "./auto-submit";
import { subframeShowsLogin, withFrameState } from "./frames";
import * as idle from "./idle-watch";
import { pendingMeetsLoggedIn } from "./login";
import { afterIdleLogout } from "./relogin";
import { createSerial } from "./serial";
import { updateTabInfo } from "./tabs";

// A tab's reports are recorded in the order they came, one after the other. The content script
// sends the next only once the last is answered, but a fill's answer may go back before its
// report is recorded (new-window.ts): the next report must still not overtake it.
const queues = new Map<number, { serial: ReturnType<typeof createSerial>; size: number }>();

function inOrder<T>(tabId: number, fn: () => Promise<T>): Promise<T> {
  const q = queues.get(tabId) ?? { serial: createSerial(), size: 0 };
  queues.set(tabId, q);
  q.size++;
  return q.serial(fn).finally(() => {
    if (--q.size === 0) queues.delete(tabId);
  });
}

/** Resolves once every report received so far is recorded. */
export async function allRecorded(): Promise<void> {
  while (queues.size > 0) {
    await Promise.all([...queues.values()].map((q) => q.serial(() => Promise.resolve())));
  }
}

/** What follows the recording of a report, before the tab's next report is recorded. */
export type AfterReport = (event: ClockEvent | undefined) => Promise<void>;

/**
 * Records one report, then `after`, in the same turn of the tab's queue. `load`: a new document
 * (a real page load, not a same-page change). The content script only starts on a real page
 * load, which a page's pushState or hash change is not (Chromium's tabs.onUpdated reports those
 * as "loading" too). The page load counts as activity. A frame of this document may have
 * reported and been filled already: its fill outcome stays. Resolves what the report meant for
 * the session, if anything.
 */
export function recordPageState(
  tabId: number,
  frameId: number,
  state: PageState,
  load: boolean,
  after?: AfterReport,
): Promise<ClockEvent | undefined> {
  return inOrder(tabId, async () => {
    const event = await record(tabId, frameId, state, load);
    await after?.(event);
    return event;
  });
}

async function record(
  tabId: number,
  frameId: number,
  state: PageState,
  load: boolean,
): Promise<ClockEvent | undefined> {
  const newDocument = load && frameId === 0;
  // One write of the tab's record per report (this is the fill path).
  const { previous, next } = await updateTabInfo(tabId, (info) => {
    const joined = withFrameState(info, frameId, state);
    return {
      ...(newDocument
        ? {
            loadedAt: Date.now(),
            lastFill: subframeShowsLogin(info) ? info?.lastFill : undefined,
          }
        : {}),
      ...joined,
      ...(joined.state !== "login" ? { waitingForUnlock: false } : {}),
    };
  });
  if (newDocument) await idle.activity();
  const tabState = next?.state ?? state;
  // What the reporting frame itself shows settles an automatic submit made in it.
  await settleAutoSubmit(tabId, previous, state);
  const event = await idle.tabState(tabId, previous?.state, tabState);
  if (event === "idle-logout") await afterIdleLogout(tabId);
  if (tabState === "logged-in") await pendingMeetsLoggedIn(tabId);
  return event;
}
