// One-click login, through the router as the popup sends it: the worker knows what the tab shows
// from its content script's own reports, so it sends the fill at once (one message to the tab,
// no question first), and recording "last used" rewrites that one record and the sealed index.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import type { Runtime, Tabs } from "webextension-polyfill";
import { route } from "../../src/background/router";
import * as vault from "../../src/background/vault";
import type { StoredVault } from "../../src/storage/schema";
import { stubBackgroundApis } from "./background-stubs";

vi.setConfig({ testTimeout: 30_000 });

const EXT = "chrome-extension://test-extension-id";
const page: Runtime.MessageSender = { id: "test-extension-id", url: `${EXT}/popup/index.html` };
const IAMOFFICE = "https://soft.iamoffice.net/";
const TAB = {
  id: 4,
  url: IAMOFFICE,
  index: 0,
  highlighted: false,
  active: true,
  pinned: false,
  incognito: false,
  windowId: 1,
} as Tabs.Tab;
const content: Runtime.MessageSender = {
  id: "test-extension-id",
  url: IAMOFFICE,
  tab: TAB,
  frameId: 0,
};
const MASTER = "correct horse battery staple";

/** What the worker sent to the tab, answered as `answer` says (a throw: no content script). */
let sent: { type: string; payload?: unknown }[];
let answer: (message: { type: string }) => unknown;

let alphaId: string;
let betaId: string;

beforeEach(async () => {
  stubBackgroundApis();
  sent = [];
  answer = () => ({ ok: true });
  vi.spyOn(fakeBrowser.tabs, "query").mockResolvedValue([TAB]);
  vi.spyOn(fakeBrowser.tabs, "sendMessage").mockImplementation((_tabId, message) => {
    const m = message as { type: string; payload?: unknown };
    sent.push(m);
    return Promise.resolve(answer(m));
  });
  await vault.create(MASTER, MASTER);
  const a = await vault.save({
    input: { name: "", workspace: "ALPHA", identifier: "anne", password: "pw-alpha" },
    revision: 1,
  });
  const b = await vault.save({
    input: { name: "", workspace: "BETA", identifier: "bob", password: "pw-beta" },
    revision: 2,
  });
  if (!a.ok || !b.ok) throw new Error("setup");
  alphaId = a.value.id;
  betaId = b.value.id;
});

async function stored(): Promise<StoredVault> {
  const { vault: v } = (await fakeBrowser.storage.local.get("vault")) as { vault: StoredVault };
  return structuredClone(v);
}
async function session(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.session.get(key))[key];
}
const report = (state: string, load = false) =>
  route({ type: "content.pageState", payload: load ? { state, load } : { state } }, content);
const oneClick = (id: string) => route({ type: "login.oneClick", payload: { id } }, page);

describe("one-click login in the tab the popup is over", () => {
  it("a tab showing its login window gets the fill at once: one message, submit included", async () => {
    await report("login", true);
    const before = await stored();
    expect(await oneClick(betaId)).toEqual({ ok: true });
    expect(sent).toEqual([
      {
        type: "tab.fill",
        payload: {
          entryId: betaId,
          workspace: "BETA",
          identifier: "bob",
          password: "pw-beta",
          submit: true,
          replace: true,
        },
      },
    ]);
    expect(await session("tabs")).toMatchObject({
      "4": { entryId: betaId, workspace: "BETA", identifier: "bob" },
    });
    // "Last used": that record and the index rewritten, the other record left as it was, and
    // the revision kept (an open options page can still save).
    const after = await stored();
    const rec = (v: StoredVault, id: string) => v.records.find((r) => r.id === id);
    expect(after.revision).toBe(before.revision);
    expect(rec(after, alphaId)).toEqual(rec(before, alphaId));
    expect(rec(after, betaId)).not.toEqual(rec(before, betaId));
    expect(after.index).not.toEqual(before.index);
    const list = await vault.list();
    expect(list.ok && list.value.entries.map((e) => [e.workspace, e.lastUsedAt !== null])).toEqual([
      ["ALPHA", false],
      ["BETA", true],
    ]);
  });

  it("a tab logged in as another account is logged out first, and filled when its login window shows", async () => {
    await report("logged-in", true);
    await route(
      {
        type: "content.submitted",
        payload: { workspace: "ALPHA", identifier: "anne", password: "pw-alpha" },
      },
      content,
    );
    expect(await oneClick(betaId)).toEqual({ ok: true });
    expect(sent).toEqual([{ type: "tab.logout", payload: undefined }]);
    await report("login");
    expect(await route({ type: "content.requestFill" }, content)).toMatchObject({
      fill: { entryId: betaId, password: "pw-beta", submit: true, replace: true },
    });
    expect(await session("pendingLogin")).toBeUndefined();
  });

  it("a tab logged in as that very account needs nothing", async () => {
    await report("logged-in", true);
    await route(
      {
        type: "content.submitted",
        payload: { workspace: "BETA", identifier: "bob", password: "pw-beta" },
      },
      content,
    );
    expect(await oneClick(betaId)).toEqual({ ok: true });
    expect(sent).toEqual([]);
  });

  it("a tab without its login window yet waits for it: the fill comes when it shows", async () => {
    await report("unknown", true);
    answer = () => ({ ok: false, reason: "no_window" });
    expect(await oneClick(alphaId)).toEqual({ ok: true });
    expect(sent.map((m) => m.type)).toEqual(["tab.fill"]);
    expect(await session("pendingLogin")).toMatchObject({ tabId: 4, entryId: alphaId });
    await report("login");
    expect(await route({ type: "content.requestFill" }, content)).toMatchObject({
      fill: { entryId: alphaId, submit: true },
    });
  });

  it("a tab that showed its login window and now refuses the fill is an error, not a wait", async () => {
    await report("login", true);
    answer = () => ({ ok: false, reason: "not_fillable" });
    expect(await oneClick(alphaId)).toEqual({ ok: false, error: "login_no_window" });
    expect(await session("pendingLogin")).toBeUndefined();
  });

  it("a tab no content script answers in (older than the extension) is left alone: a new tab logs in", async () => {
    answer = () => {
      throw new Error("Could not establish connection. Receiving end does not exist.");
    };
    const created = vi.spyOn(fakeBrowser.tabs, "create");
    expect(await oneClick(alphaId)).toEqual({ ok: true });
    expect(created).toHaveBeenCalledWith({ url: IAMOFFICE, active: true });
    const opened = (await created.mock.results[0]?.value) as Tabs.Tab;
    expect(await session("pendingLogin")).toMatchObject({ tabId: opened.id, entryId: alphaId });
  });
});
