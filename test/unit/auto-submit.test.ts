// "Also log in after filling" must not loop: a page that refuses the password and reloads gets
// one automatic submit per entry and tab until the user acts, and the user is told.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Runtime } from "webextension-polyfill";
import { fakeBrowser } from "@webext-core/fake-browser";
import { route } from "../../src/background/router";
import * as vault from "../../src/background/vault";
import { contentSender, recorded, stubBackgroundApis } from "./background-stubs";

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => stubBackgroundApis());

const EXT = "chrome-extension://test-extension-id";
const page: Runtime.MessageSender = { id: "test-extension-id", url: `${EXT}/popup/index.html` };
const content = contentSender();

async function setUp(): Promise<void> {
  await vault.create("correct horse battery staple", "correct horse battery staple");
  const saved = await vault.save({
    input: { name: "Cabinet Martin", workspace: "ACME", identifier: "anne", password: "old-pw" },
    revision: 1,
  });
  if (!saved.ok) throw new Error("setup");
  await route({ type: "settings.set", payload: { patch: { submitAfterAutofill: true } } }, page);
}

/** A fresh document showing the login window asks what to fill: does it get a submit? */
async function loadLoginWindow(): Promise<boolean | undefined> {
  await route({ type: "content.pageState", payload: { state: "login", load: true } }, content);
  const r = (await route({ type: "content.requestFill" }, content)) as {
    fill: { submit: boolean } | null;
  };
  return r.fill?.submit;
}

describe("automatic submit", () => {
  it("submits once; a login window coming back means refused: no second try, and the user is told", async () => {
    await setUp();
    expect(await loadLoginWindow()).toBe(true);
    // The page posted, refused the password, and reloaded: the same window again, 20 times.
    const submits = [];
    for (let i = 0; i < 20; i++) submits.push(await loadLoginWindow());
    expect(submits.filter(Boolean)).toEqual([]);
    // Still filled (the user sees what was tried), never submitted.
    expect(submits.every((s) => s === false)).toBe(true);
    expect(recorded.badge).toBe("!");
    const { tabs } = await fakeBrowser.storage.session.get("tabs");
    expect((tabs as Record<string, { notice?: unknown }>)["7"]?.notice).toEqual({
      kind: "refused",
      entryId: expect.any(String) as unknown, // Vitest types its matchers `any`.
      name: "Cabinet Martin",
    });
  });

  it("a login that works settles the submit without a notice", async () => {
    await setUp();
    expect(await loadLoginWindow()).toBe(true);
    await route(
      { type: "content.pageState", payload: { state: "logged-in", load: true } },
      content,
    );
    expect(recorded.badge).not.toBe("!");
    // The user's own Déconnexion brings the window back: filled, not submitted by us.
    await route({ type: "content.pageState", payload: { state: "login" } }, content);
    const r = (await route({ type: "content.requestFill" }, content)) as {
      fill: { submit: boolean };
    };
    expect(r.fill.submit).toBe(false);
  });

  it("the user's own login (typed and submitted) gives the tab its try back", async () => {
    await setUp();
    expect(await loadLoginWindow()).toBe(true);
    expect(await loadLoginWindow()).toBe(false);
    await route(
      {
        type: "content.submitted",
        payload: { workspace: "ACME", identifier: "anne", password: "new-pw" },
      },
      content,
    );
    expect(await loadLoginWindow()).toBe(true);
  });
});
