// Per-tab state in storage.session: an old `#ESPACE&login=…&password=…` bookmark opened in a
// tab leaves no password there (only which account the page load asks for), and a lock leaves
// nothing that names an account.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Runtime, WebNavigation } from "webextension-polyfill";
import { fakeBrowser } from "@webext-core/fake-browser";
import { route } from "../../src/background/router";
import * as vault from "../../src/background/vault";
import { onCommitted } from "../../src/background/navigation";
import { forgetTabIfGone, tabInfo } from "../../src/background/tabs";
import { stubBackgroundApis } from "./background-stubs";

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => stubBackgroundApis());

const MASTER = "correct horse battery staple";
const BOOKMARK_PASSWORD = "Bookmark+Pw&é 9";
const BOOKMARK = `https://soft.iamoffice.net/#beta&login=bob&password=${encodeURIComponent(BOOKMARK_PASSWORD)}`;
const EXT = "chrome-extension://test-extension-id";
const page: Runtime.MessageSender = { id: "test-extension-id", url: `${EXT}/options/index.html` };
const content = (url: string, id = 7): Runtime.MessageSender => ({
  id: "test-extension-id",
  url,
  frameId: 0,
  tab: { id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});

async function twoEntries(): Promise<void> {
  await vault.create(MASTER, MASTER);
  const inputs = [
    { name: "", workspace: "ALPHA", identifier: "anne", password: "pw-alpha" },
    { name: "", workspace: "BETA", identifier: "bob", password: "pw-beta" },
  ];
  for (const [i, input] of inputs.entries()) {
    expect((await vault.save({ input, revision: i + 1 })).ok).toBe(true);
  }
}

/** The browser reports tab 7's navigation to `url` as the user's own (a bookmark). */
function openedByUser(url: string): Promise<void> {
  return onCommitted({
    tabId: 7,
    frameId: 0,
    url,
    transitionType: "auto_bookmark",
    transitionQualifiers: [],
    timeStamp: 0,
    processId: 0,
  } as WebNavigation.OnCommittedDetailsType);
}

async function sessionText(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.session.get(null));
}

/** The bookmark's password in the forms a stored URL could hold it. */
const passwordForms = [
  BOOKMARK_PASSWORD,
  encodeURIComponent(BOOKMARK_PASSWORD),
  "Bookmark+Pw",
  "password=",
];

describe("per-tab state in storage.session", () => {
  it("an old bookmark with a password: the tab keeps which account it asks for, never the password", async () => {
    await twoEntries();
    await openedByUser(BOOKMARK);
    await route(
      { type: "content.pageState", payload: { state: "login", load: true } },
      content(BOOKMARK),
    );
    const text = await sessionText();
    for (const form of passwordForms) expect(text, form).not.toContain(form);
    const { tabs } = (await fakeBrowser.storage.session.get("tabs")) as {
      tabs: Record<string, Record<string, unknown>>;
    };
    expect(tabs["7"]).toMatchObject({
      state: "login",
      hint: { workspace: "beta", identifier: "bob", trusted: true },
    });
    // The stored hint still chooses the entry, even after a page script rewrote the fragment.
    expect(
      await route(
        { type: "content.requestFill" },
        content("https://soft.iamoffice.net/#alpha&login=anne"),
      ),
    ).toMatchObject({ fill: { workspace: "BETA", identifier: "bob" } });
    for (const form of passwordForms) expect(await sessionText(), form).not.toContain(form);
  });

  it("a lock clears what names an account from every tab, and keeps what the idle watch needs", async () => {
    await twoEntries();
    await openedByUser(BOOKMARK);
    await route(
      { type: "content.pageState", payload: { state: "login", load: true } },
      content(BOOKMARK),
    );
    // A login seen submitted in another tab: who it is logged in as.
    await route(
      { type: "content.pageState", payload: { state: "login", load: true } },
      content("https://soft.iamoffice.net/#alpha", 8),
    );
    await route(
      {
        type: "content.submitted",
        payload: { workspace: "ALPHA", identifier: "anne", password: "pw-alpha" },
      },
      content("https://soft.iamoffice.net/#alpha", 8),
    );
    await route(
      { type: "content.pageState", payload: { state: "logged-in" } },
      content("https://soft.iamoffice.net/#alpha", 8),
    );
    expect(await sessionText()).toContain("anne");

    expect(await route({ type: "vault.lock" }, page)).toEqual({ ok: true });
    const { tabs } = (await fakeBrowser.storage.session.get("tabs")) as {
      tabs: Record<string, Record<string, unknown>>;
    };
    expect(tabs["7"]).toEqual({
      state: "login",
      loadedAt: expect.any(Number) as unknown, // Vitest types its matchers `any`.
      autoSubmitted: [],
    });
    expect(tabs["8"]).toMatchObject({ state: "logged-in" });
    const text = await sessionText();
    for (const name of ["beta", "bob", "ALPHA", "anne", "alpha"]) {
      expect(text, name).not.toContain(name);
    }
  });

  it("a tab that left IamOffice is forgotten, unless it is back by the time that is handled", async () => {
    const tab = await fakeBrowser.tabs.create({ url: "https://soft.iamoffice.net/" });
    const id = tab.id!;
    // The tab went to about:blank and came straight back: the new document already reported
    // its load when the "left" event is handled. Its record must survive.
    await route(
      { type: "content.pageState", payload: { state: "login", load: true } },
      content("https://soft.iamoffice.net/", id),
    );
    const before = await tabInfo(id);
    expect(before?.loadedAt).toBeTypeOf("number");
    expect(await forgetTabIfGone(id)).toBe(false);
    expect(await tabInfo(id)).toEqual(before);
    // Really gone elsewhere: forgotten.
    await fakeBrowser.tabs.update(id, { url: "https://example.org/" });
    expect(await forgetTabIfGone(id)).toBe(true);
    expect(await tabInfo(id)).toBeUndefined();
    expect(await forgetTabIfGone(id)).toBe(false);
  });
});
