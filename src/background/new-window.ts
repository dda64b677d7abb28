// A login window that just showed in a frame: its fill goes back in the answer to the frame's
// report, decided before the report is recorded whenever recording it cannot change the
// decision. Recording (the tab's record, the idle clock) is several storage round trips; the
// page's fill waits for none of them then.
import type { ClockEvent } from "../idle-clock";
import type { FillAnswer } from "../protocol";
import { answerFillRequest, fillReads, planFill } from "./autofill";
import { refreshBadge } from "./badge";
import { sendToTab } from "./browser-tabs";
import * as idle from "./idle-watch";
import type { AfterReport } from "./page-report";
import { forgetPendingFor, hasPendingLogin } from "./pending-login";

type Report = (after?: AfterReport) => Promise<ClockEvent | undefined>;

export async function answerNewWindow(
  tabId: number,
  frameId: number,
  request: unknown,
  load: boolean,
  report: Report,
): Promise<FillAnswer> {
  // Every read at once: what the fill needs, and what says whether recording the report first
  // could change it.
  const [reads, mayBeIdle, pending] = await Promise.all([
    fillReads(tabId),
    idle.mayBeIdleLogout(tabId, load && frameId === 0),
    hasPendingLogin(tabId),
  ]);
  // The report changes the decision when it settles an automatic submit (the password was
  // refused: no new one) or ends the session idle (the automatic re-login is queued, and this
  // very fill carries it). A pending login (a one-click login, a re-login) is taken only once
  // the report is recorded. Then in order, as for any other report.
  if (reads.info?.autoSubmitPending !== undefined || mayBeIdle || pending) {
    await report();
    const answer = await answerFillRequest(tabId, request);
    const badge = refreshBadge();
    // A fill waits for nothing else; no fill: the badge tells the user why, so it comes first.
    if (answer.fill) void badge.catch((error: unknown) => reportError(error));
    else await badge;
    return answer;
  }
  const plan = planFill(tabId, request, reads);
  // The plan's own writes and the badge follow the report's, before the tab's next report.
  const recorded = report(async (event) => {
    await plan.commit();
    if (event === "idle-logout") await lateIdleLogout(tabId, frameId, plan.answer);
    await refreshBadge();
  });
  // Nothing to fill: the badge tells the user why (unlock, choose), so it is drawn first. A
  // submit: the tab records whom it logs in as before the page can say it is logged in.
  if (!plan.answer.fill || plan.answer.fill.submit) {
    await recorded;
    return plan.answer;
  }
  // A fill waits for nothing else. A failure in what follows shows as an uncaught error, as
  // it would have in the handler.
  void recorded.catch((error: unknown) => reportError(error));
  return plan.answer;
}

/**
 * The clock said no idle logout was near, yet recording the report found one (a settings change
 * or a clock jump in between). A fill that submits is a login under way: the re-login queued
 * meanwhile goes. Otherwise the frame asks again, and that fill carries the re-login.
 */
async function lateIdleLogout(tabId: number, frameId: number, answer: FillAnswer): Promise<void> {
  if (answer.fill?.submit) await forgetPendingFor(tabId);
  else await sendToTab(tabId, "tab.refill", undefined, frameId);
}
