import { describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import { usePopupConnector } from "../../../popup/connector";
import { useOptionsConnector } from "../../../options/connector";
import type { PopupProps } from "../../../popup/types";
import type { OptionsProps } from "../../../options/types";
import type { StatusSnapshot } from "../../../src/protocol";
import { DEFAULT_SETTINGS } from "../../../src/settings";
import { flush, mount } from "./helpers";
import { fakeBackground } from "./fake-background";
import { entry } from "./popup-fixtures";

const unlocked: StatusSnapshot = {
  vault: { state: "unlocked", retryAfterMs: 0 },
  tab: null,
  pendingSave: null,
  hint: null,
};
const input = { name: "", workspace: "ACME", identifier: "jdoe", password: "pw" };

async function popup(): Promise<() => PopupProps> {
  let props: PopupProps | undefined;
  function Harness() {
    props = usePopupConnector();
    return null;
  }
  await mount(<Harness />);
  await flush();
  return () => props!;
}

async function options(): Promise<() => OptionsProps> {
  let props: OptionsProps | undefined;
  function Harness() {
    props = useOptionsConnector();
    return null;
  }
  await mount(<Harness />);
  await flush();
  return () => props!;
}

describe("popup connector", () => {
  it("draws the status and the list from one message", async () => {
    const bg = fakeBackground({
      "popup.open": () => ({
        status: unlocked,
        list: { ok: true, value: { entries: [entry(1)], revision: 4 } },
      }),
    });
    const props = await popup();
    expect(props().data.status?.vault.state).toBe("unlocked");
    expect(props().data.entries.map((e) => e.id)).toEqual(["id1"]);
    expect(bg.received.map((m) => m.type)).toEqual(["popup.open"]);
  });

  it("shows no list while locked", async () => {
    fakeBackground({
      "popup.open": () => ({
        status: { ...unlocked, vault: { state: "locked", retryAfterMs: 0 } },
        list: null,
      }),
    });
    const props = await popup();
    expect(props().data.status?.vault.state).toBe("locked");
    expect(props().data.entries).toEqual([]);
    expect(props().data.listError).toBeNull();
  });

  it("saves with the revision it last saw, and closes after a successful login", async () => {
    const bg = fakeBackground({
      "popup.open": () => ({
        status: unlocked,
        list: { ok: true, value: { entries: [], revision: 7 } },
      }),
      "entries.save": () => ({ ok: true, value: { id: "n", revision: 8 } }),
      "login.oneClick": () => ({ ok: true }),
    });
    const props = await popup();
    await props().actions.saveEntry({ input });
    expect(bg.sent("entries.save")).toEqual([{ input, revision: 7 }]);
    const close = vi.spyOn(window, "close").mockImplementation(() => {});
    await props().actions.login("id1", { newTab: false });
    expect(bg.sent("login.oneClick")).toEqual([{ id: "id1" }]);
    expect(close).toHaveBeenCalled();
    close.mockRestore();
  });

  it("keeps the popup open when the login fails", async () => {
    fakeBackground({
      "popup.open": () => ({
        status: unlocked,
        list: { ok: true, value: { entries: [], revision: 1 } },
      }),
      "login.oneClick": () => ({ ok: false, error: "login_no_window" }),
    });
    const props = await popup();
    const close = vi.spyOn(window, "close").mockImplementation(() => {});
    const r = await props().actions.login("id1", { newTab: true });
    expect(r).toEqual({ ok: false, error: "login_no_window" });
    expect(close).not.toHaveBeenCalled();
    close.mockRestore();
  });

  it("a silent background becomes an error, not an endless skeleton", async () => {
    // No listener at all: sendMessage rejects, as when the worker is not there.
    const props = await popup();
    expect(props().data.loadError?.error).toBe("internal");
  });
});

describe("options connector", () => {
  function unlockedBackground(overrides: Parameters<typeof fakeBackground>[0] = {}) {
    let revision = 3;
    return fakeBackground({
      "vault.status": () => ({ state: "unlocked", retryAfterMs: 0 }),
      "settings.get": () => ({ ...DEFAULT_SETTINGS }),
      "entries.list": () => ({ ok: true, value: { entries: [entry(1)], revision } }),
      "entries.delete": () => ({ ok: true, value: { revision: ++revision } }),
      "entries.save": () => ({ ok: true, value: { id: "x", revision: ++revision } }),
      ...overrides,
    });
  }

  it("loads vault state, settings and entries", async () => {
    unlockedBackground();
    const props = await options();
    expect(props().data.vault?.state).toBe("unlocked");
    expect(props().data.settings?.idleTimeoutMinutes).toBe(20);
    expect(props().data.entries).toHaveLength(1);
  });

  it("copying says the password stays in the clipboard, and promises no clearing", async () => {
    unlockedBackground();
    const writeText = vi.fn(async () => {});
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    try {
      const props = await options();
      const said = await props().actions.entries.copy("pw-id1");
      expect(writeText).toHaveBeenCalledWith("pw-id1");
      expect(said).toBe("Copied. It stays in the clipboard until you copy something else.");
      expect(said).not.toMatch(/clear/i);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("threads the revision through delete then save (undo)", async () => {
    const bg = unlockedBackground();
    const props = await options();
    await props().actions.entries.remove("id1");
    await props().actions.entries.save({ input });
    expect(bg.sent("entries.delete")).toEqual([{ id: "id1", revision: 3 }]);
    expect(bg.sent("entries.save")).toEqual([{ input, revision: 4 }]);
  });

  it("a stale revision reloads the list", async () => {
    const bg = unlockedBackground({
      "entries.save": () => ({ ok: false, error: "stale_revision" }),
    });
    const props = await options();
    const before = bg.sent("entries.list").length;
    const r = await props().actions.entries.save({ id: "id1", input });
    await flush();
    expect(r).toMatchObject({ error: "stale_revision" });
    expect(bg.sent("entries.list").length).toBe(before + 1);
  });

  it("a new workspace saved on an out-of-date list is saved on the current one, once", async () => {
    let calls = 0;
    const bg = unlockedBackground({
      "entries.save": () =>
        ++calls === 1
          ? { ok: false, error: "stale_revision" }
          : { ok: true, value: { id: "x", revision: 9 } },
    });
    const props = await options();
    const r = await props().actions.entries.save({ input, revision: 0 });
    expect(r).toEqual({ ok: true });
    expect(bg.sent("entries.save")).toEqual([
      { input, revision: 0 },
      { input, revision: 3 },
    ]);
  });

  it("a locked answer brings the page back to the unlock form", async () => {
    let state: "unlocked" | "locked" = "unlocked";
    unlockedBackground({
      "vault.status": () => ({ state, retryAfterMs: 0 }),
      "entries.get": () => ({ ok: false, error: "locked" }),
    });
    const props = await options();
    state = "locked";
    await props().actions.entries.get("id1");
    await flush();
    expect(props().data.vault?.state).toBe("locked");
  });

  it("export downloads a dated file holding what the background returned", async () => {
    unlockedBackground({ "backup.export": () => ({ ok: true, value: "ENCRYPTED" }) });
    const props = await options();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
      blobs.push(b as Blob);
      return "blob:x";
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const r = await props().actions.backup.exportTo("pw");
    expect(r.ok && r.value).toMatch(/^iamoffice-login-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await blobs[0]?.text()).toBe("ENCRYPTED");
    expect(click).toHaveBeenCalled();
    create.mockRestore();
    click.mockRestore();
  });

  it("vaultHolds reads the password back from the vault and compares it exactly", async () => {
    unlockedBackground({
      "entries.get": ({ id }) => ({ ok: true, value: { ...entry(1), id, password: "pw1" } }),
    });
    const props = await options();
    const holds = props().actions.rescue.vaultHolds;
    // Same account rule as saves: the workspace's case does not matter, the password's does.
    expect(await holds({ workspace: "ws1", identifier: "user1", password: "pw1" })).toBe(true);
    expect(await holds({ workspace: "WS1", identifier: "user1", password: "PW1" })).toBe(false);
    expect(await holds({ workspace: "WS1", identifier: "user1", password: "pw" })).toBe(false);
    expect(await holds({ workspace: "WS2", identifier: "user1", password: "pw1" })).toBe(false);
  });

  it("vaultHolds says no when the vault cannot be read", async () => {
    unlockedBackground({ "entries.get": () => ({ ok: false, error: "locked" }) });
    const props = await options();
    expect(
      await props().actions.rescue.vaultHolds({
        workspace: "WS1",
        identifier: "user1",
        password: "x",
      }),
    ).toBe(false);
  });

  it("settings.set updates the settings shown", async () => {
    unlockedBackground({
      "settings.set": ({ patch }) => ({ ok: true, value: { ...DEFAULT_SETTINGS, ...patch } }),
    });
    const props = await options();
    await props().actions.settings.set({ idleTimeoutMinutes: 30 });
    await flush();
    expect(props().data.settings?.idleTimeoutMinutes).toBe(30);
  });
});

describe("bookmarks glue", () => {
  it("asks for the permission and reports a refusal", async () => {
    const { findPasswordBookmarks } = await import("../../../options/bookmarks");
    const request = vi.fn(() => Promise.resolve(false));
    fakeBrowser.permissions.request = request;
    expect(await findPasswordBookmarks()).toEqual({ ok: false, reason: "denied" });
    expect(request).toHaveBeenCalledWith({ permissions: ["bookmarks"] });
  });

  it("removes only the password from a bookmark's address", async () => {
    const { stripBookmarkPassword } = await import("../../../options/bookmarks");
    const update = vi.fn(() => Promise.resolve({ id: "b1", title: "" }));
    fakeBrowser.bookmarks.update = update;
    await stripBookmarkPassword({
      id: "b1",
      title: "t",
      url: "https://soft.iamoffice.net/#ACME&login=jdoe&password=pw1",
      safeUrl: "",
      password: "pw1",
    });
    expect(update).toHaveBeenCalledWith("b1", {
      url: "https://soft.iamoffice.net/#ACME&login=jdoe",
    });
  });
});
