// watchDom: one onChange per animation frame however many mutations, nothing without them,
// shadow roots followed, and the IamOffice logout/login cycle noticed.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { addsPasswordInput, watchDom, type DomWatch } from "../../src/content/watch";
import { detectLogin } from "../../src/content/detect";
import { loadFixture, styleOnlyVisible, type Fixture } from "../fixtures/login/harness";

let frames: Array<{ id: number; run: FrameRequestCallback }> = [];
let nextId = 1;
let stop: (() => void) | undefined;
let control: DomWatch | undefined;
let requestFrame: MockInstance<typeof window.requestAnimationFrame>;

/** Runs the pending animation frame(s), as the browser would before the next paint. */
function frame(): void {
  const due = frames;
  frames = [];
  for (const f of due) f.run(performance.now());
}

/** Resolves once a fake timer is pending; polls on setImmediate (never faked here). */
async function untilFakeTimerArmed(): Promise<void> {
  const deadline = Date.now() + 5000;
  while (vi.getTimerCount() === 0) {
    if (Date.now() > deadline) throw new Error("no timer was armed within 5 s");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** MutationObserver callbacks are delivered asynchronously. */
const delivered = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  document.body.replaceChildren();
  frames = [];
  requestFrame = vi.spyOn(window, "requestAnimationFrame").mockImplementation((run) => {
    frames.push({ id: nextId, run });
    return nextId++;
  });
  vi.spyOn(window, "cancelAnimationFrame").mockImplementation((id) => {
    frames = frames.filter((f) => f.id !== id);
  });
});

afterEach(() => {
  stop?.();
  stop = undefined;
  control = undefined;
  vi.restoreAllMocks();
});

function watch(): ReturnType<typeof vi.fn<(roots: readonly ShadowRoot[]) => void>> {
  const onChange = vi.fn<(roots: readonly ShadowRoot[]) => void>();
  control = watchDom(document, onChange);
  stop = control.stop;
  return onChange;
}

/** A login window: a form with a text field and a password field. */
function loginWindow(): HTMLElement {
  const form = document.createElement("form");
  const pw = document.createElement("input");
  pw.type = "password";
  form.append(document.createElement("input"), pw);
  return form;
}

/** Settled, with one flush behind: further changes wait for the settled timer. */
async function settled(): Promise<ReturnType<typeof watch>> {
  const onChange = watch();
  control?.mode("settled");
  document.body.append(document.createElement("p"));
  await delivered();
  frame();
  expect(onChange).toHaveBeenCalledTimes(1);
  return onChange;
}

describe("coalescing", () => {
  it("does not call onChange on start or without changes", async () => {
    const onChange = watch();
    await delivered();
    frame();
    expect(frames).toHaveLength(0);
    expect(onChange).not.toHaveBeenCalled();
  });

  it("turns 500 mutations of one frame into one frame request and one call", async () => {
    const onChange = watch();
    for (let i = 0; i < 500; i++) {
      const div = document.createElement("div");
      document.body.append(div);
      div.className = `c${i}`;
      if (i % 2) div.remove();
    }
    await delivered();
    expect(requestFrame).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled(); // the observer callback only schedules
    frame();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("calls again in a later frame after further changes", async () => {
    const onChange = watch();
    document.body.append(document.createElement("p"));
    await delivered();
    frame();
    document.body.append(document.createElement("p"));
    await delivered();
    frame();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it.each(["class", "style", "hidden", "open", "type", "disabled"])(
    "notices the %s attribute (it can show a login window)",
    async (name) => {
      const el = document.createElement("div");
      document.body.append(el);
      const onChange = watch();
      el.setAttribute(name, "x");
      await delivered();
      frame();
      expect(onChange).toHaveBeenCalledTimes(1);
    },
  );

  it("ignores attributes that cannot show or hide anything", async () => {
    const el = document.createElement("input");
    document.body.append(el);
    const onChange = watch();
    el.setAttribute("data-tracking", "1");
    el.setAttribute("aria-describedby", "x");
    await delivered();
    frame();
    expect(onChange).not.toHaveBeenCalled();
  });

  it("notices the end of a CSS transition (a login window fading in)", () => {
    const onChange = watch();
    document.body.dispatchEvent(new Event("transitionend", { bubbles: true }));
    frame();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("uses a timer instead of frames in a hidden tab", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const hidden = vi.spyOn(document, "hidden", "get").mockReturnValue(true);
    try {
      const onChange = watch();
      document.body.append(document.createElement("p"));
      // happy-dom delivers mutation records on its own (real) zero-delay timer, not on the
      // faked one: wait, in real time, until the observer has armed its hidden-tab timer.
      // Advancing the fake clock before that delivery would test nothing (and did flake).
      await untilFakeTimerArmed();
      expect(frames).toHaveLength(0);
      expect(onChange).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(249);
      expect(onChange).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(onChange).toHaveBeenCalledTimes(1);
    } finally {
      hidden.mockRestore();
      vi.useRealTimers();
    }
  });

  it("stop() disconnects and cancels the pending frame", async () => {
    const onChange = watch();
    document.body.append(document.createElement("p"));
    await delivered();
    stop?.();
    frame();
    document.body.append(document.createElement("p"));
    await delivered();
    frame();
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe("shadow roots", () => {
  function addHost(): ShadowRoot {
    const host = document.createElement("x-widget");
    const root = host.attachShadow({ mode: "open" });
    root.append(document.createElement("div"));
    document.body.append(host);
    return root;
  }

  it("passes the open shadow roots present at start and added later", async () => {
    const early = addHost();
    const onChange = watch();
    const late = addHost();
    await delivered();
    frame();
    expect(onChange).toHaveBeenLastCalledWith([early, late]);
  });

  it("finds shadow roots nested deep inside an added subtree", async () => {
    const onChange = watch();
    const wrapper = document.createElement("section");
    const host = document.createElement("x-inner");
    const root = host.attachShadow({ mode: "open" });
    wrapper.append(document.createElement("div"), host);
    document.body.append(wrapper);
    await delivered();
    frame();
    expect(onChange).toHaveBeenLastCalledWith([root]);
  });

  it("notices changes inside a shadow root (light-DOM observers cannot)", async () => {
    const root = addHost();
    const onChange = watch();
    root.append(document.createElement("form"));
    await delivered();
    frame();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("drops shadow roots whose host left the page", async () => {
    const root = addHost();
    const onChange = watch();
    root.host.remove();
    await delivered();
    frame();
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it("rescans the whole page after a flood of mutation batches instead of queueing them", async () => {
    const existing = document.createElement("div");
    document.body.append(existing);
    const onChange = watch();
    // attachShadow on an element already in the page makes no mutation record: only a full
    // rescan can find it, and the flood below (more batches than one frame may queue) forces one.
    const root = existing.attachShadow({ mode: "open" });
    for (let i = 0; i < 100; i++) {
      document.body.append(document.createElement("p"));
      await delivered(); // one observer batch each
    }
    frame();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith([root]);
  });
});

describe("a login window inserted is passed on at once", () => {
  it("calls onChange from the observer callback, without waiting for the frame", async () => {
    const onChange = watch();
    document.body.append(loginWindow());
    await delivered();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(frames).toHaveLength(0);
  });

  it("also when a field becomes a password input", async () => {
    const field = document.createElement("input");
    document.body.append(field);
    const onChange = watch();
    field.type = "password";
    await delivered();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("leaves a large batch (a page building a table) to the frame", async () => {
    const onChange = watch();
    for (let i = 0; i < 20; i++) document.body.append(document.createElement("p"));
    document.body.append(loginWindow());
    await delivered();
    expect(onChange).not.toHaveBeenCalled();
    frame();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("addsPasswordInput looks only at what the batch added", () => {
    const other = document.createElement("div");
    other.append(document.createElement("span"));
    const record = (node: Node) =>
      ({ type: "childList", addedNodes: [node] }) as unknown as MutationRecord;
    expect(addsPasswordInput([record(other)])).toBe(false);
    expect(addsPasswordInput([record(loginWindow())])).toBe(true);
    expect(addsPasswordInput([record(document.createTextNode("x"))])).toBe(false);
  });
});

describe("settled mode (a login window handled, or logged in)", () => {
  it("after a flush, further changes wait for a timer instead of the next frame", async () => {
    const onChange = await settled();
    document.body.append(document.createElement("p"));
    await delivered();
    expect(frames).toHaveLength(0);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2), { timeout: 5000 });
  });

  it("still passes a login window on at once", async () => {
    const onChange = await settled();
    document.body.append(loginWindow());
    await delivered();
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});

describe("settled mode on a busy page", () => {
  it("past four observer callbacks it lets go of the page until the flush, then looks again", async () => {
    const onChange = await settled();
    const observe = vi.spyOn(MutationObserver.prototype, "observe");
    for (let i = 0; i < 5; i++) {
      document.body.append(document.createElement("p"));
      await delivered(); // one observer callback each
    }
    // Let go: a login window inserted now is not passed on at once…
    document.body.append(loginWindow());
    await delivered();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(observe).not.toHaveBeenCalled();
    // …but at the flush, which observes the page again.
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2), { timeout: 5000 });
    expect(observe).toHaveBeenCalledWith(document, expect.objectContaining({ subtree: true }));
    // Observed again: the next login window is passed on from the observer callback.
    document.body.append(loginWindow());
    await delivered();
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it("a quiet page keeps the immediate path", async () => {
    const onChange = await settled();
    for (let i = 0; i < 3; i++) {
      document.body.append(document.createElement("p"));
      await delivered();
    }
    document.body.append(loginWindow());
    await delivered();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it("looks for new shadow roots at most every 10 s, counting from the start", async () => {
    const timeouts = vi.spyOn(window, "setTimeout");
    const onChange = await settled();
    const host = document.createElement("x-late");
    const root = host.attachShadow({ mode: "open" });
    document.body.append(host);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2), { timeout: 5000 });
    // Not walked yet: the walk waits for its timer, ≈ 10 s after the watch started.
    expect(onChange).toHaveBeenLastCalledWith([]);
    const walk = timeouts.mock.calls.find(([, ms]) => (ms ?? 0) > 9000 && (ms ?? 0) <= 10_000);
    expect(walk, "a walk timer ≈ 10 s away").toBeDefined();
    (walk?.[0] as () => void)();
    expect(onChange).toHaveBeenLastCalledWith([root]);
  });
});

describe("narrow mode (logged in, no password input in the page)", () => {
  it("ignores attribute changes, still sees added elements", async () => {
    const el = document.createElement("div");
    document.body.append(el);
    const onChange = watch();
    control?.mode("narrow");
    el.className = "restyled";
    el.hidden = true;
    await delivered();
    frame();
    expect(onChange).not.toHaveBeenCalled();
    document.body.append(document.createElement("section"));
    await delivered();
    frame();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("can start narrow: a page already logged in is never watched for attributes", async () => {
    const el = document.createElement("div");
    document.body.append(el);
    const observe = vi.spyOn(MutationObserver.prototype, "observe");
    const onChange = vi.fn<(roots: readonly ShadowRoot[]) => void>();
    control = watchDom(document, onChange, "narrow");
    stop = control.stop;
    expect(observe).toHaveBeenCalledWith(document, { subtree: true, childList: true });
    el.className = "restyled";
    await delivered();
    frame();
    expect(onChange).not.toHaveBeenCalled();
  });

  it("watches attributes again once widened", async () => {
    const el = document.createElement("div");
    document.body.append(el);
    const onChange = watch();
    control?.mode("narrow");
    control?.mode("full");
    el.className = "shown";
    await delivered();
    frame();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("applies to shadow roots too", async () => {
    const host = document.createElement("x-app");
    const root = host.attachShadow({ mode: "open" });
    const inner = document.createElement("div");
    root.append(inner);
    document.body.append(host);
    const onChange = watch();
    control?.mode("narrow");
    inner.className = "x";
    await delivered();
    frame();
    expect(onChange).not.toHaveBeenCalled();
    root.append(document.createElement("p"));
    await delivered();
    frame();
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe("the IamOffice cycle (logout-reinsert.html, real frames)", () => {
  let fx: Fixture | undefined;
  afterEach(async () => fx?.close());

  it("re-detects the fresh login window after Déconnexion", async () => {
    fx = await loadFixture("logout-reinsert", { settle: true });
    const doc = fx.doc;
    const seen: string[] = [];
    const { stop: stopFx } = watchDom(doc, (shadowRoots) => {
      const d = detectLogin(doc, { isVisible: styleOnlyVisible, shadowRoots });
      seen.push(d.ok ? "login" : d.reason);
    });
    try {
      const form = doc.querySelector("form");
      form?.requestSubmit(); // the page switches to the application view
      await fx.win.happyDOM.waitUntilComplete();
      expect(seen).toEqual(["no_password"]);
      doc.getElementById("logout")?.click(); // removes the app, re-inserts a login form later
      await fx.win.happyDOM.waitUntilComplete();
      expect(seen.at(-1)).toBe("login");
      expect(seen.length).toBeLessThanOrEqual(3);
      expect(doc.querySelector("form")).not.toBe(form);
    } finally {
      stopFx();
    }
  });
});
