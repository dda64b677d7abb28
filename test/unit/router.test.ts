import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Runtime } from "webextension-polyfill";
import { route } from "../../src/background/router";
import * as vault from "../../src/background/vault";
import { stubBackgroundApis } from "./background-stubs";

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => stubBackgroundApis());

const EXT = "chrome-extension://test-extension-id";
const page: Runtime.MessageSender = { id: "test-extension-id", url: `${EXT}/popup/index.html` };
const tab = (url: string, id = 4) =>
  ({
    id,
    url,
    index: 0,
    highlighted: false,
    active: true,
    pinned: false,
    incognito: false,
  }) as Runtime.MessageSender["tab"];
const content = (url = "https://soft.iamoffice.net/", frameId = 0): Runtime.MessageSender => ({
  id: "test-extension-id",
  url,
  tab: tab(url),
  frameId,
});

const MASTER = "correct horse battery staple";

async function vaultWithTwoEntries() {
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
  await vault.markUsed(a.value.id, 2000);
  await vault.markUsed(b.value.id, 1000);
}

describe("router trust", () => {
  it("answers our own pages", async () => {
    expect(await route({ type: "vault.status" }, page)).toMatchObject({ state: "none" });
  });

  it("refuses page-only messages from a content script, even on IamOffice", async () => {
    await vaultWithTwoEntries();
    expect(await route({ type: "entries.list" }, content())).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await route({ type: "entries.get", payload: { id: "x" } }, content())).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await route({ type: "backup.export", payload: { password: "x" } }, content())).toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("refuses credentials to content scripts on other origins and in sub-frames, whatever the payload claims", async () => {
    await vaultWithTwoEntries();
    const forged = {
      type: "content.requestFill",
      payload: { origin: "https://soft.iamoffice.net", url: "https://soft.iamoffice.net/" },
    };
    for (const sender of [
      content("https://soft.iamoffice.net.evil.test/"),
      content("http://soft.iamoffice.net/"),
      content("https://soft.iamoffice.net/", 2),
      {
        id: "other-extension",
        url: "https://soft.iamoffice.net/",
        tab: tab("https://soft.iamoffice.net/"),
        frameId: 0,
      },
    ]) {
      const r = await route(forged, sender);
      expect(r).toEqual({ ok: false, error: "forbidden" });
      expect(JSON.stringify(r)).not.toContain("pw-");
    }
  });

  it("gives the IamOffice top frame the most recent entry, or the one its #fragment names", async () => {
    await vaultWithTwoEntries();
    expect(await route({ type: "content.requestFill" }, content())).toMatchObject({
      fill: {
        workspace: "ALPHA",
        identifier: "anne",
        password: "pw-alpha",
        submit: false,
        replace: false,
      },
    });
    expect(
      await route(
        { type: "content.requestFill" },
        content("https://soft.iamoffice.net/#beta&login=bob"),
      ),
    ).toMatchObject({
      fill: { workspace: "BETA", password: "pw-beta" },
    });
    // A fragment naming an unknown workspace fills nothing rather than the wrong account.
    expect(
      await route({ type: "content.requestFill" }, content("https://soft.iamoffice.net/#GAMMA")),
    ).toEqual({
      fill: null,
      reason: "no_entry",
    });
  });

  it("fills nothing while locked, and marks the badge so the user knows to unlock", async () => {
    await vaultWithTwoEntries();
    await vault.lock();
    expect(await route({ type: "content.requestFill" }, content())).toEqual({
      fill: null,
      reason: "locked",
    });
    const { recorded } = await import("./background-stubs");
    expect(recorded.badge).toBe("!");
  });

  it("refuses malformed envelopes and unknown types with distinct errors", async () => {
    expect(await route(null, page)).toEqual({ ok: false, error: "malformed" });
    expect(await route("vault.status", page)).toEqual({ ok: false, error: "malformed" });
    expect(await route({ type: "vault.dump" }, page)).toEqual({
      ok: false,
      error: "unknown_message",
    });
    expect(await route({ type: "vault.unlock", payload: { password: 42 } }, page)).toEqual({
      ok: false,
      error: "malformed",
    });
    expect(
      await route({ type: "entries.save", payload: { input: {}, revision: "1" } }, page),
    ).toEqual({ ok: false, error: "malformed" });
  });

  it("refuses anything from a sender with no tab and a foreign URL", async () => {
    expect(await route({ type: "vault.status" }, { url: "https://evil.test/" })).toEqual({
      ok: false,
      error: "forbidden",
    });
  });
});
