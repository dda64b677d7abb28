import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Runtime, WebNavigation } from "webextension-polyfill";
import { route } from "../../src/background/router";
import * as vault from "../../src/background/vault";
import { onCommitted } from "../../src/background/navigation";
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

  it("a new login window gets its fill in the page-state report itself: one round trip", async () => {
    await vaultWithTwoEntries();
    const report = { type: "content.pageState", payload: { state: "login", load: true } };
    expect(await route(report, content())).toBeUndefined();
    expect(
      await route({ ...report, payload: { ...report.payload, fill: true } }, content()),
    ).toMatchObject({ fill: { workspace: "ALPHA", identifier: "anne", password: "pw-alpha" } });
    // Not for a page state that is no login window, and never for another origin or a frame.
    expect(
      await route(
        { type: "content.pageState", payload: { state: "logged-in", fill: true } },
        content(),
      ),
    ).toBeUndefined();
    for (const sender of [
      content("https://soft.iamoffice.net.evil.test/"),
      content(undefined, 2),
    ]) {
      const r = await route({ ...report, payload: { ...report.payload, fill: true } }, sender);
      expect(JSON.stringify(r ?? null)).not.toContain("pw-");
    }
  });

  it("gives the IamOffice top frame the most recent entry, or the one the user's own navigation names", async () => {
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
    // The browser reports the address as typed by the user: its fragment picks the account.
    const typed = (url: string) =>
      onCommitted({
        tabId: 4,
        frameId: 0,
        url,
        transitionType: "typed",
        transitionQualifiers: [],
        timeStamp: 0,
        processId: 0,
      } as WebNavigation.OnCommittedDetailsType);
    await typed("https://soft.iamoffice.net/#beta&login=bob");
    expect(
      await route(
        { type: "content.requestFill" },
        content("https://soft.iamoffice.net/#beta&login=bob"),
      ),
    ).toMatchObject({ fill: { workspace: "BETA", password: "pw-beta" } });
    // A typed fragment naming an unknown workspace fills nothing rather than the wrong account.
    await typed("https://soft.iamoffice.net/#GAMMA");
    expect(
      await route({ type: "content.requestFill" }, content("https://soft.iamoffice.net/#GAMMA")),
    ).toEqual({ fill: null, reason: "no_entry" });
  });

  it("never lets the page's own address choose another saved account: it asks the user", async () => {
    await vaultWithTwoEntries();
    // The page rewrote its address (or navigated itself) to name Beta: the browser reports no
    // navigation of the user's carrying that fragment. Alpha is the default, Beta is saved too.
    const pageWritten = (url: string) =>
      onCommitted({
        tabId: 4,
        frameId: 0,
        url,
        transitionType: "link",
        transitionQualifiers: ["client_redirect"],
        timeStamp: 0,
        processId: 0,
      } as WebNavigation.OnCommittedDetailsType);
    await pageWritten("https://soft.iamoffice.net/?r=1#beta&login=bob");
    expect(
      await route(
        { type: "content.requestFill" },
        content("https://soft.iamoffice.net/?r=1#beta&login=bob"),
      ),
    ).toEqual({ fill: null, reason: "ask" });
    const { recorded } = await import("./background-stubs");
    expect(recorded.badge).toBe("?");
    // The same untrusted address naming the default account fills it; naming nobody saved too.
    await pageWritten("https://soft.iamoffice.net/#alpha");
    expect(await route({ type: "content.requestFill" }, content())).toMatchObject({
      fill: { workspace: "ALPHA", password: "pw-alpha" },
    });
    await pageWritten("https://soft.iamoffice.net/#GAMMA");
    expect(await route({ type: "content.requestFill" }, content())).toMatchObject({
      fill: { workspace: "ALPHA" },
    });
    // Without any navigation report, a fragment in the sender's URL counts for nothing.
    expect(
      await route(
        { type: "content.requestFill" },
        content("https://soft.iamoffice.net/#beta&login=bob"),
      ),
    ).toMatchObject({ fill: { workspace: "ALPHA" } });
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
