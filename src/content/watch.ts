// Tells the caller when the page may have changed enough to re-run detection: the login window
// can appear late (single-page app) and comes back after "Déconnexion" without a reload
// (test/fixtures/login/late-insert.html, logout-reinsert.html).
//
// Cheap on busy pages: the MutationObserver callback only queues and schedules (O(1)); all
// mutations of one animation frame lead to one onChange call; nothing polls.
//
// Shadow roots: they are not in the light DOM's subtree, so each open shadow root found (in the
// initial walk, or under nodes added later) is observed as well. Not seen: closed shadow roots,
// and a shadow root attached to an element already in the page without any later child-list
// change around it.
//
// Style-only changes (media queries, :target, a CSS fade-in) are only noticed through the
// transitionend/animationend events, so a login window that fades in is checked once it is opaque.
//
// Three refinements of "once per frame", for speed where it matters:
// - A small change that adds a password input (a login window inserted) is passed on from the
//   observer callback itself, without waiting for the next frame: the fill lands before the
//   page paints the empty window.
// - While the page is settled (a login window already handled, or logged in), other changes are
//   passed on at most every SETTLED_MS instead of every frame: nothing is to be filled, only a
//   state change to notice.
// - While logged in with no password input anywhere (narrow mode), attributes are not watched at
//   all: only a new element can bring the login window back, and a page that restyles its own
//   content all day pays nothing for it.
// - While settled, a busy page (more than BUSY_BATCHES observer callbacks before the next flush)
//   is let go of until that flush, which looks at the whole page again as after any change: the
//   browser then stops queuing mutation records for us, and the page pays for a few callbacks
//   per SETTLED_MS instead of one per task. The price: a login window inserted meanwhile is
//   filled at that flush (≤ SETTLED_MS) instead of in the task it appears in. A quiet page
//   keeps the immediate path.
// - While settled, the document is walked for new shadow roots at most every SETTLED_WALK_MS
//   (the walk touches every element: ≈ 6 ms on a 5,000-element page in Firefox), so a login
//   window inside a shadow root that appears while logged in is found up to that much later.
import { openShadowRoots } from "./dom";
import { timed } from "./cost-probe";

// Attributes that can show or hide a login window, or turn a field into a password one.
const ATTRIBUTES = ["class", "style", "hidden", "open", "type", "disabled"];
// Hidden tabs run no animation frames: a timer keeps a background logout noticed.
const HIDDEN_TAB_DELAY_MS = 250;
// Past this many queued batches in one frame, rescanning everything is cheaper than the queue.
const MAX_BATCHES = 64;
// At most one shadow-root walk of the document per this many milliseconds (see flush); while
// settled, per SETTLED_WALK_MS, the first one included (see the header).
const SHADOW_WALK_MS = 1000;
const SETTLED_WALK_MS = 10_000;
// While settled, past this many observer callbacks before a flush the page is busy (header).
const BUSY_BATCHES = 4;
// Observer batches of up to this many records are checked for a password input on the spot; a
// larger batch (a page building a table) waits for the next flush like any other change.
const URGENT_CHECK_MAX = 8;
export const PASSWORD_INPUT = "input[type=password]";
// While settled, at most one flush per this many milliseconds (see the header).
const SETTLED_MS = 500;

/** full: every frame; settled: every SETTLED_MS; narrow: settled, and no attributes. */
export type WatchMode = "full" | "settled" | "narrow";

export interface DomWatch {
  stop: () => void;
  mode: (mode: WatchMode) => void;
}

/** Does this observer batch add a password input (or turn a field into one)? Small batches only. */
export function addsPasswordInput(records: readonly MutationRecord[]): boolean {
  if (records.length > URGENT_CHECK_MAX) return false;
  let checked = 0;
  for (const r of records) {
    if (r.type === "attributes") {
      if (r.attributeName === "type" && (r.target as Element).matches?.(PASSWORD_INPUT))
        return true;
      continue;
    }
    for (const node of r.addedNodes) {
      if (node.nodeType !== 1) continue;
      if (++checked > URGENT_CHECK_MAX) return false;
      const el = node as Element;
      if (
        el.matches(PASSWORD_INPUT) ||
        (el.firstElementChild && el.querySelector(PASSWORD_INPUT))
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Calls onChange at most once per animation frame after the page changed, with the open shadow
 * roots known so far (pass them to detectLogin to spare it a full-tree walk). It does not call
 * onChange on start: run the first detection yourself, and pass the shadow roots it walked for
 * (`known`) so the page is not walked twice. Returns stop().
 */
export function watchDom(
  doc: Document,
  onChange: (shadowRoots: readonly ShadowRoot[]) => void,
  initial: WatchMode = "full",
  known?: readonly ShadowRoot[],
): DomWatch {
  const view = doc.defaultView;
  if (!view) return { stop: () => {}, mode: () => {} };
  const shadowRoots = new Set<ShadowRoot>();
  let batches: MutationRecord[][] = [];
  let rescan = false;
  let cancel: (() => void) | null = null;
  let current = initial;
  let lastFlush = -Infinity;
  // Let go of a busy page until the next flush (see the header).
  let paused = false;

  const options = (): MutationObserverInit =>
    current === "narrow"
      ? { subtree: true, childList: true }
      : { subtree: true, childList: true, attributeFilter: ATTRIBUTES };

  const track = (roots: readonly ShadowRoot[]): void => {
    for (const root of roots) {
      if (shadowRoots.has(root)) continue;
      shadowRoots.add(root);
      observer.observe(root, options());
      root.addEventListener("transitionend", schedule);
      root.addEventListener("animationend", schedule);
    }
  };

  // Looking for new shadow roots means walking added subtrees, which on a mutation-heavy page
  // was most of our cost (scripts/bench: page overhead). So the whole document is walked at
  // most once per SHADOW_WALK_MS: at once after a quiet spell, else once more at the end of
  // the burst. A login window inside a shadow root attached mid-burst shows up ≤ 1 s later.
  let lastWalk = -Infinity;
  const started = view.performance.now();
  let walkTimer = 0;
  /** Returns whether new shadow roots were found. */
  const walk = (): boolean => {
    lastWalk = view.performance.now();
    const before = shadowRoots.size;
    track(openShadowRoots(doc));
    return shadowRoots.size > before;
  };

  const flush = timed("flush", (): void => {
    cancel = null;
    lastFlush = view.performance.now();
    if (paused) {
      paused = false;
      observeAll();
    }
    const added = rescan || batches.some((b) => b.some((r) => r.addedNodes.length > 0));
    if (added && !walkTimer) {
      const wait =
        current === "full"
          ? lastWalk + SHADOW_WALK_MS - lastFlush
          : Math.max(lastWalk, started) + SETTLED_WALK_MS - lastFlush;
      if (wait <= 0) walk();
      else {
        walkTimer = view.setTimeout(
          timed("flush", () => {
            walkTimer = 0;
            if (walk()) onChange([...shadowRoots]);
          }),
          wait,
        );
      }
    }
    batches = [];
    rescan = false;
    for (const root of shadowRoots) if (!root.host.isConnected) shadowRoots.delete(root);
    onChange([...shadowRoots]);
  });

  const schedule = timed("event", (): void => {
    if (cancel) return;
    const wait = current === "full" ? 0 : lastFlush + SETTLED_MS - view.performance.now();
    if (doc.hidden || wait > 0) {
      const timer = view.setTimeout(flush, Math.max(wait, doc.hidden ? HIDDEN_TAB_DELAY_MS : 0));
      cancel = () => view.clearTimeout(timer);
    } else {
      const frame = view.requestAnimationFrame(flush);
      cancel = () => view.cancelAnimationFrame(frame);
    }
  });

  const observer = new view.MutationObserver(
    timed("batch", (records: MutationRecord[]) => {
      if (batches.push(records) > (current === "full" ? MAX_BATCHES : BUSY_BATCHES)) {
        batches = [];
        rescan = true;
        if (current !== "full") {
          observer.disconnect();
          paused = true;
        }
      }
      if (addsPasswordInput(records)) {
        cancel?.();
        flush();
      } else schedule();
    }),
  );
  const observeAll = (): void => {
    observer.observe(doc, options());
    for (const root of shadowRoots) observer.observe(root, options());
  };
  observeAll();
  doc.addEventListener("transitionend", schedule, true);
  doc.addEventListener("animationend", schedule, true);
  // The initial walk (or the caller's, passed in) does not count: the first change after load
  // is seen at once.
  track(known ?? openShadowRoots(doc));

  const mode = (next: WatchMode): void => {
    if (next === current) return;
    const reobserve = (next === "narrow") !== (current === "narrow");
    current = next;
    // While let go of, the next flush observes again with the new options.
    if (!reobserve || paused) return;
    // Records already queued under the old options are kept, so nothing is lost in the switch;
    // then every node is observed afresh with the new ones.
    const pending = observer.takeRecords();
    if (pending.length > 0) batches.push(pending);
    observer.disconnect();
    observeAll();
    if (pending.length > 0) schedule();
  };

  const stop = (): void => {
    observer.disconnect();
    view.clearTimeout(walkTimer);
    cancel?.();
    cancel = null;
    batches = [];
    doc.removeEventListener("transitionend", schedule, true);
    doc.removeEventListener("animationend", schedule, true);
    for (const root of shadowRoots) {
      root.removeEventListener("transitionend", schedule);
      root.removeEventListener("animationend", schedule);
    }
  };
  return { stop, mode };
}
