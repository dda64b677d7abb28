import { describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { OptionsApp } from "../../../options/app";
import type { EntrySummary } from "../../../src/protocol";
import { CreateVault } from "../../../options/create-vault";
import { button, click, field, flush, hasField, mount, pageText, type } from "./helpers";
import { optionsActions, optionsData, vaultActions } from "./options-fixtures";
import { entry } from "./popup-fixtures";

/** The strength check is debounced (150 ms): wait it out with real timers. */
const settle = async () => {
  await new Promise((r) => setTimeout(r, 200));
  await flush();
};

describe("options: vault states", () => {
  it("no vault → the create form with the exact E2E labels", async () => {
    const data = optionsData({ vault: { state: "none", retryAfterMs: 0 } });
    const root = await mount(<OptionsApp data={data} actions={optionsActions()} />);
    expect(field(root, "Master password").type).toBe("password");
    expect(field(root, "Confirm master password").type).toBe("password");
    expect(button(root, "Create vault")).toBeTruthy();
    expect(hasField(root, "Workspace")).toBe(false);
  });

  it("locked → Master password + Unlock", async () => {
    const actions = optionsActions();
    const data = optionsData({ vault: { state: "locked", retryAfterMs: 0 } });
    const root = await mount(<OptionsApp data={data} actions={actions} />);
    await type(field(root, "Master password"), "secret secret");
    await click(button(root, "Unlock"));
    expect(actions.vault.unlock).toHaveBeenCalledWith("secret secret");
  });

  it("corrupt → raw download, and reset only after typing the word", async () => {
    const actions = optionsActions();
    const data = optionsData({ vault: { state: "corrupt", retryAfterMs: 0 } });
    const root = await mount(<OptionsApp data={data} actions={actions} />);
    expect(pageText(root)).toContain("Nothing has been deleted");
    await click(button(root, "Download the raw encrypted data"));
    expect(actions.vault.downloadRaw).toHaveBeenCalled();
    const erase = button(root, "Erase the vault");
    expect(erase.disabled).toBe(true);
    await type(field(root, "Type RESET to confirm"), "RESE");
    expect(erase.disabled).toBe(true);
    await click(erase);
    expect(actions.vault.reset).not.toHaveBeenCalled();
    await type(field(root, "Type RESET to confirm"), "RESET");
    await click(erase);
    expect(actions.vault.reset).toHaveBeenCalledWith("RESET");
  });

  it("unlocked → sections with headings and a nav", async () => {
    const data = optionsData({ entries: [entry(1)] });
    const root = await mount(<OptionsApp data={data} actions={optionsActions()} />);
    const headings = [...root.querySelectorAll("h2")].map((h) => h.textContent);
    expect(headings).toEqual([
      "Workspaces",
      "Settings",
      "Security",
      "Backup",
      "Rescue from bookmarks",
      "Taught login fields",
    ]);
    const links = [...root.querySelectorAll("nav a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual([
      "#workspaces",
      "#settings",
      "#security",
      "#backup",
      "#rescue",
      "#taught",
    ]);
    for (const href of links) expect(root.querySelector(href!)).not.toBeNull();
  });

  it("no workspace yet → offers to add the first one, which opens the form", async () => {
    const root = await mount(<OptionsApp data={optionsData()} actions={optionsActions()} />);
    expect(pageText(root)).toContain("Your vault is ready");
    await click(button(root, "Add your first workspace"));
    expect(document.activeElement).toBe(field(root, "Workspace"));
    expect(pageText(root)).not.toContain("Your vault is ready");
  });

  it("the welcome card leaves with the first workspace and comes back with none", async () => {
    const actions = optionsActions();
    const show = (entries: EntrySummary[]) => (
      <OptionsApp data={optionsData({ entries })} actions={actions} />
    );
    const root = await mount(show([]));
    expect(pageText(root)).toContain("Your vault is ready");
    await act(() => render(show([entry(1)]), root));
    expect(pageText(root)).not.toContain("Your vault is ready");
    await act(() => render(show([]), root));
    expect(pageText(root)).toContain("Your vault is ready");
  });

  it("put away by its buttons, the welcome card stays away while the vault is still empty", async () => {
    const actions = optionsActions();
    const show = (entries: EntrySummary[]) => (
      <OptionsApp data={optionsData({ entries })} actions={actions} />
    );
    const root = await mount(show([]));
    await click(button(root, "Import a backup"));
    expect(document.activeElement).toBe(field(root, "Backup file"));
    await act(() => render(show([]), root));
    expect(pageText(root)).not.toContain("Your vault is ready");
    // Once a workspace has been saved and deleted again, it is offered again.
    await act(() => render(show([entry(1)]), root));
    await flush();
    await act(() => render(show([]), root));
    expect(pageText(root)).toContain("Your vault is ready");
  });

  it("no welcome card when the list could not be read", async () => {
    const data = optionsData({ listError: { ok: false, error: "locked" } });
    const root = await mount(<OptionsApp data={data} actions={optionsActions()} />);
    expect(pageText(root)).not.toContain("Your vault is ready");
    expect(pageText(root)).toContain("The vault is locked.");
  });
});

describe("options: create vault", () => {
  it("live strength feedback as the user types", async () => {
    const root = await mount(<CreateVault actions={vaultActions()} />);
    expect(pageText(root)).toContain("At least 10 characters");
    await type(field(root, "Master password"), "short");
    await settle();
    expect(pageText(root)).toContain("Too short: use at least 10 characters.");
    await type(field(root, "Master password"), "password123456");
    await settle();
    expect(pageText(root)).toContain("Too easy to guess. This is a commonly used password.");
    await type(field(root, "Master password"), "plum trumpet velvet");
    await settle();
    expect(pageText(root)).toContain("Strong enough.");
  });

  it("a weak password is refused without asking the background", async () => {
    const actions = vaultActions();
    const root = await mount(<CreateVault actions={actions} />);
    await type(field(root, "Master password"), "short");
    await type(field(root, "Confirm master password"), "short");
    await click(button(root, "Create vault"));
    expect(actions.create).not.toHaveBeenCalled();
    const input = field(root, "Master password");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(input);
  });

  it("different confirmation is refused on the confirm field", async () => {
    const actions = vaultActions();
    const root = await mount(<CreateVault actions={actions} />);
    await type(field(root, "Master password"), "plum trumpet velvet");
    await type(field(root, "Confirm master password"), "plum trumpet velvey");
    await click(button(root, "Create vault"));
    expect(actions.create).not.toHaveBeenCalled();
    expect(field(root, "Confirm master password").getAttribute("aria-invalid")).toBe("true");
    expect(pageText(root)).toContain("The two passwords are different.");
  });

  it("sends both fields, and shows the background's refusal", async () => {
    const actions = vaultActions({
      create: () =>
        Promise.resolve({
          ok: false,
          error: "weak_password",
          fields: { password: "too_short" },
        }),
    });
    const root = await mount(<CreateVault actions={actions} />);
    await type(field(root, "Master password"), "plum trumpet velvet");
    await type(field(root, "Confirm master password"), "plum trumpet velvet");
    await click(button(root, "Create vault"));
    expect(pageText(root)).toContain("This password is too easy to guess. Choose a longer one.");
    expect(field(root, "Master password").getAttribute("aria-invalid")).toBe("true");
  });
});
