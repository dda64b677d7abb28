// IamOffice's own frames (src/background/frames.ts): a frame gets anything only when it and
// every ancestor up to the top are IamOffice, from the browser's frame tree; a tab's state joins
// what its frames report.
import { describe, expect, it } from "vitest";
import {
  frameShowing,
  iamOfficeAllTheWayUp,
  subframeShowsLogin,
  withFrameState,
} from "../../src/background/frames";
import type { TabInfo } from "../../src/storage/schema";

const IAM = "https://soft.iamoffice.net/app/login.html";
const frame = (frameId: number, parentFrameId: number, url = IAM) => ({
  frameId,
  parentFrameId,
  url,
});

describe("iamOfficeAllTheWayUp", () => {
  it("accepts a frame whose every ancestor is IamOffice (iframe in iframe, frameset)", () => {
    const tree = [frame(0, -1, "https://soft.iamoffice.net/"), frame(3, 0), frame(7, 3)];
    expect(iamOfficeAllTheWayUp(tree, 7)).toBe(true);
    expect(iamOfficeAllTheWayUp(tree, 3)).toBe(true);
  });

  it.each([
    [
      "a foreign top (evil.test frames IamOffice)",
      [frame(0, -1, "https://evil.test/frame"), frame(4, 0)],
    ],
    [
      "a foreign frame in between",
      [frame(0, -1), frame(2, 0, "https://evil.test/frame"), frame(4, 2)],
    ],
    [
      "a lookalike in between",
      [frame(0, -1), frame(2, 0, "https://soft.iamoffice.net.evil.test/"), frame(4, 2)],
    ],
    ["an about:srcdoc parent", [frame(0, -1), frame(2, 0, "about:srcdoc"), frame(4, 2)]],
    ["http: in between", [frame(0, -1), frame(2, 0, "http://soft.iamoffice.net/"), frame(4, 2)]],
    ["a missing parent", [frame(0, -1), frame(4, 2)]],
    ["a frame the browser does not know", [frame(0, -1)]],
    ["a cycle", [frame(2, 4), frame(4, 2)]],
    ["a top frame with a parent", [frame(0, 5), frame(5, -1), frame(4, 0)]],
  ])("refuses %s", (_, tree) => {
    expect(iamOfficeAllTheWayUp(tree, 4)).toBe(false);
  });
});

describe("a tab's state from its frames", () => {
  const info = (over: Partial<TabInfo>): TabInfo => ({ state: "unknown", ...over });

  it("a tab whose sub-frames never reported keeps the top frame's state, and no per-frame record", () => {
    expect(withFrameState(info({ state: "login" }), 0, "logged-in")).toEqual({
      state: "logged-in",
    });
  });

  it("a login window in any frame makes the tab's state 'login', else a logged-in frame", () => {
    const a = withFrameState(info({ state: "unknown" }), 5, "login");
    expect(a).toEqual({ frames: { "0": "unknown", "5": "login" }, state: "login" });
    const b = withFrameState(info(a), 0, "logged-in");
    expect(b.state).toBe("login");
    const c = withFrameState(info(b), 5, "unknown");
    expect(c).toEqual({ frames: { "0": "logged-in", "5": "unknown" }, state: "logged-in" });
  });

  it("talks to the frame showing the window, else the top one", () => {
    const frames = { "0": "unknown", "5": "login", "6": "logged-in" } as const;
    expect(frameShowing(info({ frames: { ...frames } }), "login")).toBe(5);
    expect(frameShowing(info({ frames: { ...frames } }), "logged-in")).toBe(6);
    expect(frameShowing(info({}), "login", "logged-in")).toBe(0);
    expect(subframeShowsLogin(info({ frames: { ...frames } }))).toBe(true);
    expect(subframeShowsLogin(info({ frames: { "0": "login" } }))).toBe(false);
  });
});
