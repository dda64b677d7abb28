// The content script's on-demand tools (src/background/content-tools.ts): injected into a frame
// only when asked, only once however many requests arrive together, and never into a frame with
// a foreign ancestor, whatever the frame itself reports.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import { sendToTools, TOOLS_FILE } from "../../src/background/content-tools";

const IAM = "https://soft.iamoffice.net/app/";
type Frame = { frameId: number; parentFrameId: number; url: string };

let frames: Frame[];
let injected: Set<number>;
let injections: { frameIds?: number[]; files?: string[] }[];

beforeEach(() => {
  frames = [
    { frameId: 0, parentFrameId: -1, url: IAM },
    { frameId: 3, parentFrameId: 0, url: `${IAM}frame.html` },
  ];
  injected = new Set();
  injections = [];
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.webNavigation!.getAllFrames = vi.fn(() => Promise.resolve(frames));
  b.scripting = {
    executeScript: vi.fn((o: { target: { frameIds?: number[] }; files?: string[] }) => {
      injections.push({ frameIds: o.target.frameIds, files: o.files });
      for (const id of o.target.frameIds ?? [0]) injected.add(id);
      return Promise.resolve([]);
    }),
  };
  // Only a frame with the tools answers them; else the browser says nobody listened.
  vi.spyOn(fakeBrowser.tabs, "sendMessage").mockImplementation((_tab, msg, options) => {
    const frameId = options?.frameId ?? 0;
    if (!injected.has(frameId)) return Promise.reject(new Error("no receiving end"));
    const type = (msg as { type: string }).type;
    return Promise.resolve(type === "tab.tools" ? { ok: true } : { ok: true, type });
  });
});

describe("sendToTools", () => {
  it("injects the tools into the asked frame once, then only messages them", async () => {
    expect(await sendToTools(4, "tab.teach", undefined)).toEqual({ ok: true, type: "tab.teach" });
    await sendToTools(4, "tab.report", { fieldMap: null });
    expect(injections).toEqual([{ frameIds: [0], files: [TOOLS_FILE] }]);
  });

  it("requests arriving together inject once", async () => {
    await Promise.all([
      sendToTools(4, "tab.teach", undefined, 3),
      sendToTools(4, "tab.report", { fieldMap: null }, 3),
      sendToTools(4, "tab.teach", undefined, 3),
    ]);
    expect(injections).toEqual([{ frameIds: [3], files: [TOOLS_FILE] }]);
  });

  it("never injects into a frame with a foreign ancestor, nor one the browser does not know", async () => {
    frames = [
      { frameId: 0, parentFrameId: -1, url: "https://evil.test/" },
      { frameId: 3, parentFrameId: 0, url: `${IAM}frame.html` },
    ];
    expect(await sendToTools(4, "tab.report", { fieldMap: null }, 3)).toBeNull();
    expect(await sendToTools(4, "tab.teach", undefined, 9)).toBeNull();
    expect(injections).toEqual([]);
  });

  it("a failed injection (tab gone, page not allowed) answers null", async () => {
    const b = fakeBrowser as unknown as { scripting: { executeScript: unknown } };
    b.scripting.executeScript = vi.fn(() => Promise.reject(new Error("Cannot access contents")));
    expect(await sendToTools(4, "tab.teach", undefined)).toBeNull();
  });
});
