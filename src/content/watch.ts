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
import { openShadowRoots } from "./dom";

// Attributes that can show or hide a login window, or turn a field into a password one.
const ATTRIBUTES = ["class", "style", "hidden", "open", "type", "disabled"];
// Hidden tabs run no animation frames: a timer keeps a background logout noticed.
const HIDDEN_TAB_DELAY_MS = 250;
// Past this many queued batches in one frame, rescanning everything is cheaper than the queue.
const MAX_BATCHES = 64;
// At most one shadow-root walk of the document per this many milliseconds (see flush).
const SHADOW_WALK_MS = 1000;

/**
 * Calls onChange at most once per animation frame after the page changed, with the open shadow
 * roots known so far (pass them to detectLogin to spare it a full-tree walk). It does not call
 * onChange on start: run the first detection yourself. Returns stop().
 */
export function watchDom(
  doc: Document,
  onChange: (shadowRoots: readonly ShadowRoot[]) => void,
): () => void {
  const view = doc.defaultView;
  if (!view) return () => {};
  const shadowRoots = new Set<ShadowRoot>();
  let batches: MutationRecord[][] = [];
  let rescan = false;
  let cancel: (() => void) | null = null;

  const track = (node: Node): void => {
    for (const root of openShadowRoots(node)) {
      if (shadowRoots.has(root)) continue;
      shadowRoots.add(root);
      observer.observe(root, { subtree: true, childList: true, attributeFilter: ATTRIBUTES });
      root.addEventListener("transitionend", schedule);
      root.addEventListener("animationend", schedule);
    }
  };

  // Looking for new shadow roots means walking added subtrees, which on a mutation-heavy page
  // was most of our cost (scripts/bench: page overhead). So the whole document is walked at
  // most once per SHADOW_WALK_MS: at once after a quiet spell, else once more at the end of
  // the burst. A login window inside a shadow root attached mid-burst shows up ≤ 1 s later.
  let lastWalk = -Infinity;
  let walkTimer = 0;
  /** Returns whether new shadow roots were found. */
  const walk = (): boolean => {
    lastWalk = view.performance.now();
    const before = shadowRoots.size;
    track(doc);
    return shadowRoots.size > before;
  };

  const flush = (): void => {
    cancel = null;
    const added = rescan || batches.some((b) => b.some((r) => r.addedNodes.length > 0));
    if (added && !walkTimer) {
      const wait = lastWalk + SHADOW_WALK_MS - view.performance.now();
      if (wait <= 0) walk();
      else {
        walkTimer = view.setTimeout(() => {
          walkTimer = 0;
          if (walk()) onChange([...shadowRoots]);
        }, wait);
      }
    }
    batches = [];
    rescan = false;
    for (const root of shadowRoots) if (!root.host.isConnected) shadowRoots.delete(root);
    onChange([...shadowRoots]);
  };

  const schedule = (): void => {
    if (cancel) return;
    if (doc.hidden) {
      const timer = view.setTimeout(flush, HIDDEN_TAB_DELAY_MS);
      cancel = () => view.clearTimeout(timer);
    } else {
      const frame = view.requestAnimationFrame(flush);
      cancel = () => view.cancelAnimationFrame(frame);
    }
  };

  const observer = new view.MutationObserver((records) => {
    if (batches.push(records) > MAX_BATCHES) {
      batches = [];
      rescan = true;
    }
    schedule();
  });
  observer.observe(doc, { subtree: true, childList: true, attributeFilter: ATTRIBUTES });
  doc.addEventListener("transitionend", schedule, true);
  doc.addEventListener("animationend", schedule, true);
  track(doc); // The initial walk does not count: the first change after load is seen at once.

  return () => {
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
}
