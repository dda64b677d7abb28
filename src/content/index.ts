// Content script entry: https://soft.iamoffice.net only (manifest.json), in the top frame and in
// frames the background confirms are IamOffice all the way up. It watches for the login window,
// asks the background what to fill, fills, reports page state and the user's real activity. It
// never decides which credentials may be used.
import type { FillAnswer, FillCommand, FillRefusal, PageState, TabMessage } from "../protocol";
import type { FillRequest } from "../protocol";
import type { FieldMap } from "../field-map";
import { api } from "./api";
import { onWorkerMessage, send } from "./messages";
import { detectLogin, type Detection, type LoginWindow } from "./detect";
import { taughtDetector } from "./taught-hook";
import { conflictsWithTypedText } from "./typed-text";
import { fillLogin, submitLogin } from "./fill";
import { findLogoutControl } from "./logged-in";
import { PASSWORD_INPUT, watchDom, type DomWatch, type WatchMode } from "./watch";
import { watchActivity } from "./activity";
import { watchManualSubmit } from "./manual-submit";
import { isIamOfficeUrl } from "../origin";
import { openShadowRoots, queryAll } from "./dom";
import { oneAtATime } from "./one-at-a-time";
import { answerCostProbe, timed } from "./cost-probe";
import { isEditable } from "./visibility";
import { laidOut, stillShown } from "./kept-window";

// While nobody is logged in and no login window shows, the logout-control search (every link
// and button's text) runs at most this often instead of on every animation frame.
const LOGOUT_SEARCH_MS = 500;

let login: LoginWindow | null = null;
let state: PageState | null = null;
let submitted = false;
// The field map the user taught for this page ("Teach the login fields"), used before the
// heuristics; learnt from the answer to this document's first report, or from a teaching.
let fieldMap: FieldMap | null = null;
// Right after teaching, the fill happens at once and never submits.
let justTaught = false;

// Open shadow roots the watcher tracks, so detection never walks the whole page to find them.
let shadowRoots: readonly ShadowRoot[] | undefined;

let lastLogoutSearch = 0;
let dom: DomWatch | null = null;
// How closely the watcher follows the page, as the last scan decided (see scan).
let watching: WatchMode = "full";
let trailing = 0;

function pageState(current: LoginWindow | null): PageState {
  if (current) return "login";
  // Once logged in, stay so until the login window shows again (no need to search each frame).
  if (state === "logged-in") return "logged-in";
  if (state === "login" && submitted) return "logged-in";
  const now = performance.now();
  if (now - lastLogoutSearch < LOGOUT_SEARCH_MS) {
    trailing ||= window.setTimeout(
      timed("flush", () => {
        trailing = 0;
        requestScan();
      }),
      LOGOUT_SEARCH_MS,
    );
    return state ?? "unknown";
  }
  lastLogoutSearch = now;
  return findLogoutControl(document, opts()) ? "logged-in" : "unknown";
}

const opts = () => (shadowRoots ? { shadowRoots } : {});

/** Scans in order, never two at once (their reports must reach the background in order). */
const requestScan = oneAtATime(scan);

function detect(): Detection {
  const taught = fieldMap && taughtDetector()?.(document, fieldMap, opts());
  return taught ?? detectLogin(document, opts());
}

async function scan(): Promise<void> {
  // Cheap gate: no password input anywhere means no login window, whatever else changed.
  const passwords = queryAll([document, ...(shadowRoots ?? [])], PASSWORD_INPUT);
  const anyPassword = passwords.length > 0;
  const kept = login && state === "login" && stillShown(login, passwords) ? login : null;
  const d = anyPassword && !kept ? detect() : null;
  if (d?.ok) laidOut();
  const found = kept ?? (d?.ok ? d.login : null);
  const next = pageState(found);
  const isNewWindow = found !== null && found.password !== login?.password;
  login = found;
  // Logged in with no password input anywhere: only a new element can bring the window back.
  // A login window already here has had its fill asked for (below): only a change of state is
  // left to notice. Else every frame counts.
  watching =
    next === "logged-in" ? (anyPassword ? "settled" : "narrow") : found ? "settled" : "full";
  dom?.mode(watching);
  if (next !== state) {
    const load = state === null;
    state = next;
    if (next === "login") submitted = false;
    // A new login window asks for its fill in the same message (one round trip).
    const answer = await send("content.pageState", {
      state: next,
      ...(load ? { load } : {}),
      ...(isNewWindow ? { fill: true, ...fillRequest() } : {}),
    });
    if (answer && "fieldMap" in answer) {
      // A taught page: look again with the map before anything is filled.
      fieldMap = answer.fieldMap;
      login = null;
      requestScan();
      return;
    }
    if (isNewWindow) await applyAnswer(answer);
  } else if (isNewWindow) await requestFill();
}

function taught(map: FieldMap): void {
  fieldMap = map;
  login = null;
  justTaught = true;
  requestScan();
}

/**
 * What goes with a fill request: a read-only workspace the page filled itself (the background
 * checks it names the entry), and no submit right after teaching.
 */
function fillRequest(): FillRequest {
  const noSubmit = justTaught;
  justTaught = false;
  return {
    ...(login && !isEditable(login.workspace) ? { lockedWorkspace: login.workspace.value } : {}),
    ...(noSubmit ? { noSubmit } : {}),
  };
}

async function requestFill(): Promise<void> {
  await applyAnswer(await send("content.requestFill", fillRequest()));
}

async function applyAnswer(r: FillAnswer | undefined): Promise<void> {
  if (!r?.fill) return;
  const { ok } = await apply(r.fill);
  await send("content.fillResult", { ok });
  // A tab in the background (e.g. the window waited for an unlock made from another tab) may
  // not pass the visibility checks: try once more when the user comes to it, with every check
  // made again then. Not awaited: the scans go on meanwhile.
  if (!ok && document.visibilityState === "hidden") void retryWhenVisible(r.fill);
}

async function retryWhenVisible(cmd: FillCommand): Promise<void> {
  await whenVisible();
  const { ok } = await apply(cmd);
  await send("content.fillResult", { ok });
}

/** Resolves when the browser shows the tab (page scripts cannot fake this state). */
function whenVisible(): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (document.visibilityState !== "visible") return;
      document.removeEventListener("visibilitychange", check);
      resolve();
    };
    document.addEventListener("visibilitychange", check);
  });
}

async function apply(cmd: FillCommand): Promise<{ ok: true } | { ok: false; reason: FillRefusal }> {
  // The tab may have navigated since the background decided (another port, another host).
  if (!login || !isIamOfficeUrl(location.href)) return { ok: false, reason: "no_window" };
  if (!cmd.replace && conflictsWithTypedText(login, cmd)) return { ok: false, reason: "user_text" };
  const r = fillLogin(login, cmd, { replace: cmd.replace });
  if (!r.ok) return r;
  if (cmd.submit) {
    submitted = await submitLogin(login);
    if (!submitted) return { ok: false, reason: "no_submit" };
  }
  return { ok: true };
}

function onTabMessage(raw: unknown): unknown {
  const msg = raw as TabMessage;
  switch (msg?.type) {
    case "tab.fill":
      return apply(msg.payload);
    case "tab.refill":
      void requestFill();
      return { ok: login !== null };
    case "tab.taught":
      // Only our background tells (the listener below refuses anyone else), once it has kept
      // the map the user just taught in this document (src/content/tools.ts runs the teaching).
      taught(msg.payload);
      return { ok: true };
    case "tab.logout": {
      const control = findLogoutControl(document, opts());
      control?.click();
      return { ok: control !== null };
    }
    default:
      return undefined;
  }
}

function start(): void {
  // Messages for the on-demand tools (src/content/tools.ts) are theirs to answer.
  onWorkerMessage(onTabMessage);

  // A visible marker (no data in it) so end-to-end tests can prove where the script runs.
  document.documentElement.dataset.iamofficeLogin = "ready";
  // The watcher reports shadow roots on the first change only; a login window already inside a
  // shadow root at load must be found by the first scan (test/fixtures/login/shadow-root.html).
  shadowRoots = openShadowRoots(document);
  // The first scan runs before the watcher starts, so that it starts as closely as that scan
  // says: a page already logged in is never watched for attributes at all.
  requestScan();
  dom = watchDom(
    document,
    (roots) => {
      shadowRoots = roots;
      requestScan();
    },
    watching,
    shadowRoots,
  );
  watchActivity(document);
  answerCostProbe(document);
  watchManualSubmit(
    document,
    () => login,
    (creds) => {
      submitted = true;
      void send("content.submitted", creds);
    },
  );
}

// The manifest's match pattern also accepts other ports: the exact origin is checked here too.
// The manifest injects every frame of an IamOffice page; in a sub-frame nothing runs (no
// observer, no scan, no marker) until the background has confirmed, from the browser's own
// frame tree, that this frame and every ancestor up to the top are IamOffice
// (src/background/frames.ts). The top frame starts at once, as before.
if (api && isIamOfficeUrl(location.href)) {
  if (window.top === window) start();
  else void send("content.frame").then((r) => r?.ok === true && start());
}
