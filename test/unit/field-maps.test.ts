// Taught field maps in the background (src/background/field-maps.ts): a map is kept only from
// the very document a teaching was started in, keyed by its path, well-formed, and handed back
// to that page's next document with its first report.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Runtime } from "webextension-polyfill";
import { fakeBrowser } from "@webext-core/fake-browser";
import { route } from "../../src/background/router";
import { stubBackgroundApis } from "./background-stubs";

beforeEach(() => stubBackgroundApis());

const URL_A = "https://soft.iamoffice.net/app/login?x=1#ACME&login=a";
const content = (url = URL_A, id = 7, frameId = 0): Runtime.MessageSender => ({
  id: "test-extension-id",
  url,
  frameId,
  tab: { id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});
const locator = (id: string, type = "text", tag = "input") => ({
  tag,
  type,
  id,
  name: "",
  label: "",
  index: 0,
});
const MAP = {
  workspace: locator("code"),
  identifier: locator("user"),
  password: locator("pw", "password"),
  submit: locator("go", "submit", "button"),
};

async function load(sender = content()): Promise<unknown> {
  return route({ type: "content.pageState", payload: { state: "login", load: true } }, sender);
}

async function startedTeaching(tabId = 7): Promise<void> {
  const { tabs } = (await fakeBrowser.storage.session.get("tabs")) as {
    tabs: Record<string, { loadedAt: number }>;
  };
  await fakeBrowser.storage.session.set({
    teaching: { tabId, loadedAt: tabs[String(tabId)]!.loadedAt },
  });
}

const taught = (map: unknown = MAP, sender = content()) =>
  route({ type: "content.taught", payload: { map } }, sender);
const stored = async () =>
  ((await fakeBrowser.storage.local.get("fieldMaps")) as { fieldMaps?: Record<string, unknown> })
    .fieldMaps;

describe("content.taught", () => {
  it("keeps the map of the document the teaching started in, by path, and hands it back on the next load", async () => {
    expect(await load()).toBeUndefined();
    await startedTeaching();
    expect(await taught()).toEqual({ ok: true });
    expect(Object.keys((await stored()) ?? {})).toEqual(["/app/login"]);
    expect(await load()).toEqual({ fieldMap: MAP });
    // Another page of the site gets nothing.
    expect(await load(content("https://soft.iamoffice.net/other"))).toBeUndefined();
  });

  it("injects the tools, which read a map, into the frame before handing the map to it", async () => {
    await load();
    await startedTeaching();
    await taught();
    const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
    b.webNavigation!.getAllFrames = vi.fn(() =>
      Promise.resolve([{ frameId: 0, parentFrameId: -1, url: URL_A }]),
    );
    const executeScript = vi.fn(() => Promise.resolve([]));
    b.scripting = { executeScript };
    expect(await load()).toEqual({ fieldMap: MAP });
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [0] },
      files: ["src/content/tools.js"],
    });
    // A page without a map gets no tools.
    executeScript.mockClear();
    await load(content("https://soft.iamoffice.net/other"));
    expect(executeScript).not.toHaveBeenCalled();
  });

  it("refuses a map no teaching asked for, one from another tab, and a second one", async () => {
    await load();
    expect(await taught()).toEqual({ ok: false });
    await startedTeaching();
    await load(content(URL_A, 8));
    expect(await taught(MAP, content(URL_A, 8))).toEqual({ ok: false });
    expect(await stored()).toBeUndefined();
    // The tab the teaching was started in: once.
    expect(await taught()).toEqual({ ok: true });
    expect(await taught({ ...MAP, workspace: locator("soc") })).toEqual({ ok: false });
    expect(JSON.stringify(await stored())).not.toContain("soc");
  });

  it("refuses a map from a new document of the same tab (the tab navigated away)", async () => {
    await load();
    await startedTeaching();
    // The new document reports its load a second later.
    const later = Date.now() + 1000;
    vi.spyOn(Date, "now").mockReturnValue(later);
    await load();
    vi.restoreAllMocks();
    expect(await taught()).toEqual({ ok: false });
    expect(await stored()).toBeUndefined();
  });

  it.each([
    ["a locator missing", { ...MAP, submit: undefined }],
    ["a tag that is no tag", { ...MAP, workspace: { ...MAP.workspace, tag: "input,img" } }],
    ["a value-sized label", { ...MAP, identifier: { ...MAP.identifier, label: "x".repeat(101) } }],
    ["no map", null],
  ])("refuses a malformed map: %s", async (_, map) => {
    await load();
    await startedTeaching();
    expect(await taught(map)).toEqual({ ok: false });
    expect(await stored()).toBeUndefined();
  });
});
