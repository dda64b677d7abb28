import { afterEach, describe, expect, it, vi } from "vitest";
import { UNDO_MS, WorkspacesSection } from "../../../options/workspaces-section";
import type { EntrySummary } from "../../../src/protocol";
import { button, click, field, flush, mount, pageText, queryButton, type } from "./helpers";
import { entryActions } from "./options-fixtures";
import { entry } from "./popup-fixtures";

const data = (entries: EntrySummary[]) => ({ entries, listError: null });
const rowNames = (root: HTMLElement) =>
  [...root.querySelectorAll("tbody th")].map((th) => th.textContent);

afterEach(() => {
  vi.useRealTimers();
});

describe("options: workspaces", () => {
  it("a table sorted by name, or by last use", async () => {
    const entries = [
      entry(1, { name: "Beta", lastUsedAt: 5 }),
      entry(2, { name: "alpha", lastUsedAt: 1 }),
      entry(3, { name: "Gamma", lastUsedAt: null }),
    ];
    const root = await mount(<WorkspacesSection data={data(entries)} actions={entryActions()} />);
    expect(rowNames(root)).toEqual(["alpha", "Beta", "Gamma"]);
    const sort = field<HTMLSelectElement>(root, "Sort by");
    sort.value = "recent";
    sort.dispatchEvent(new Event("change", { bubbles: true }));
    await flush();
    expect(rowNames(root)).toEqual(["Beta", "alpha", "Gamma"]);
    expect(pageText(root)).toContain("Never");
    expect(pageText(root)).not.toContain("pw-");
  });

  it("Add workspace: field errors from the background land on their fields", async () => {
    const actions = entryActions({
      save: () =>
        Promise.resolve({
          ok: false,
          error: "invalid_entry",
          fields: { identifier: "control_chars", password: "too_long" },
        }),
    });
    const root = await mount(<WorkspacesSection data={data([])} actions={actions} />);
    await click(button(root, "Add workspace"));
    await type(field(root, "Workspace"), "ACME");
    await type(field(root, "Identifier"), "jdoe");
    await type(field(root, "Password"), "x");
    await click(button(root, "Save"));
    expect(field(root, "Identifier").getAttribute("aria-invalid")).toBe("true");
    expect(field(root, "Password").getAttribute("aria-invalid")).toBe("true");
    expect(field(root, "Workspace").getAttribute("aria-invalid")).toBeNull();
    expect(pageText(root)).toContain("Contains characters that cannot be typed.");
    expect(pageText(root)).toContain("Too long.");
    expect(document.activeElement).toBe(field(root, "Identifier"));
  });

  it("a duplicate names the existing entry", async () => {
    const actions = entryActions({
      save: () =>
        Promise.resolve({ ok: false, error: "duplicate_entry", detail: "Cabinet Martin" }),
    });
    const root = await mount(<WorkspacesSection data={data([])} actions={actions} />);
    await click(button(root, "Add workspace"));
    await type(field(root, "Workspace"), "ACME");
    await type(field(root, "Identifier"), "jdoe");
    await type(field(root, "Password"), "x");
    await click(button(root, "Save"));
    expect(pageText(root)).toContain(
      "This workspace and identifier are already saved as “Cabinet Martin”.",
    );
  });

  it("a stale revision is explained and the typed values stay", async () => {
    const actions = entryActions({
      save: () => Promise.resolve({ ok: false, error: "stale_revision" }),
    });
    const root = await mount(<WorkspacesSection data={data([])} actions={actions} />);
    await click(button(root, "Add workspace"));
    await type(field(root, "Name"), "Mine");
    await type(field(root, "Workspace"), "ACME");
    await type(field(root, "Identifier"), "jdoe");
    await type(field(root, "Password"), "typed pw");
    await click(button(root, "Save"));
    expect(pageText(root)).toContain("changed in another window");
    expect(field(root, "Name").value).toBe("Mine");
    expect(field(root, "Password").value).toBe("typed pw");
  });

  it("Edit loads the entry (with its password) and saves under its id", async () => {
    const actions = entryActions();
    const root = await mount(<WorkspacesSection data={data([entry(1)])} actions={actions} />);
    await click(button(root, "Edit Company 1"));
    expect(actions.get).toHaveBeenCalledWith("id1");
    expect(field(root, "Password").value).toBe("pw-id1");
    expect(field(root, "Password").type).toBe("password");
    await type(field(root, "Name"), "Renamed");
    await click(button(root, "Save"));
    expect(actions.save).toHaveBeenCalledWith({
      id: "id1",
      input: { name: "Renamed", workspace: "WS-id1", identifier: "user-id1", password: "pw-id1" },
      // The revision the form was opened at, not whatever the list shows at save time.
      revision: 1,
    });
  });

  it("saves at the revision the form opened with; after a stale refusal, at the new one", async () => {
    let current = 5;
    const save = vi.fn((r: { revision?: number }) =>
      Promise.resolve(
        r.revision === 5
          ? ({ ok: false, error: "stale_revision" } as const)
          : ({ ok: true } as const),
      ),
    );
    const actions = { ...entryActions(), save, revision: () => current };
    const root = await mount(<WorkspacesSection data={data([entry(1)])} actions={actions} />);
    await click(button(root, "Edit Company 1"));
    current = 6; // another page saved meanwhile (e.g. the list refreshed when the tab came back)
    await click(button(root, "Save"));
    expect(save.mock.calls[0]![0]).toMatchObject({ revision: 5 });
    expect(root.textContent).toContain("changed in another window");
    await click(button(root, "Save"));
    expect(save.mock.calls[1]![0]).toMatchObject({ revision: 6 });
  });

  it("after a stale refusal, untouched fields follow the stored entry and edited ones are kept", async () => {
    let stored = {
      name: "Company 1",
      workspace: "WS-id1",
      identifier: "user-id1",
      password: "old",
    };
    let current = 5;
    const save = vi.fn((r: { revision?: number }) =>
      Promise.resolve(
        r.revision === 5
          ? ({ ok: false, error: "stale_revision" } as const)
          : ({ ok: true } as const),
      ),
    );
    const get = vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: { ...stored, id: "id1", createdAt: 1, updatedAt: 1, lastUsedAt: null },
      }),
    );
    const actions = { ...entryActions(), save, get, revision: () => current };
    const root = await mount(<WorkspacesSection data={data([entry(1)])} actions={actions} />);
    await click(button(root, "Edit Company 1"));
    // Another window changes the password meanwhile.
    stored = { ...stored, password: "changed elsewhere" };
    current = 6;
    await type(field(root, "Name"), "Renamed here");
    await click(button(root, "Save"));
    await click(button(root, "Save"));
    expect(save.mock.calls[1]![0]).toMatchObject({
      revision: 6,
      input: { name: "Renamed here", password: "changed elsewhere" },
    });
  });

  it("the password can be copied from the form", async () => {
    const actions = entryActions();
    const root = await mount(<WorkspacesSection data={data([entry(1)])} actions={actions} />);
    await click(button(root, "Edit Company 1"));
    await click(button(root, "Copy"));
    expect(actions.copy).toHaveBeenCalledWith("pw-id1");
    expect(pageText(root)).toContain("Copied.");
  });

  it("delete → confirm → undo re-creates the same entry", async () => {
    const actions = entryActions();
    const root = await mount(
      <WorkspacesSection data={data([entry(1), entry(2)])} actions={actions} />,
    );
    await click(button(root, "Delete Company 2"));
    expect(actions.remove).not.toHaveBeenCalled();
    expect(pageText(root)).toContain("Delete “Company 2”?");
    const confirm = button(root, "Delete");
    expect(document.activeElement).toBe(confirm);
    await click(confirm);
    // The password is fetched before deleting, so Undo can keep its promise.
    expect(actions.get).toHaveBeenCalledWith("id2");
    expect(actions.get.mock.invocationCallOrder[0]!).toBeLessThan(
      actions.remove.mock.invocationCallOrder[0]!,
    );
    expect(actions.remove).toHaveBeenCalledWith("id2");
    expect(pageText(root)).toContain("“Company 2” deleted.");
    await click(button(root, "Undo"));
    expect(actions.save).toHaveBeenCalledWith({
      input: { name: "Name id2", workspace: "WS-id2", identifier: "user-id2", password: "pw-id2" },
    });
    expect(pageText(root)).toContain("“Company 2” restored.");
    // The Undo button is gone: the focus is on Add workspace, not lost to the page.
    expect(document.activeElement).toBe(button(root, "Add workspace"));
  });

  it("after a new workspace is saved, the focus is on Add workspace for the next one", async () => {
    const root = await mount(<WorkspacesSection data={data([])} actions={entryActions()} />);
    await click(button(root, "Add workspace"));
    await type(field(root, "Workspace"), "ACME");
    await type(field(root, "Identifier"), "jdoe");
    await type(field(root, "Password"), "x");
    await click(button(root, "Save"));
    await flush();
    expect(pageText(root)).toContain("“ACME” saved.");
    expect(document.activeElement).toBe(button(root, "Add workspace"));
  });

  it("Cancel at the confirmation deletes nothing", async () => {
    const actions = entryActions();
    const root = await mount(<WorkspacesSection data={data([entry(1)])} actions={actions} />);
    await click(button(root, "Delete Company 1"));
    await click(button(root, "Cancel"));
    expect(actions.remove).not.toHaveBeenCalled();
    expect(actions.get).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button(root, "Delete Company 1"));
  });

  it("no delete when the entry cannot be read first", async () => {
    const actions = entryActions({ get: () => Promise.resolve({ ok: false, error: "locked" }) });
    const root = await mount(<WorkspacesSection data={data([entry(1)])} actions={actions} />);
    await click(button(root, "Delete Company 1"));
    await click(button(root, "Delete"));
    expect(actions.remove).not.toHaveBeenCalled();
    expect(pageText(root)).toContain("The vault is locked.");
  });

  it("the Undo offer disappears after a few seconds", async () => {
    const actions = entryActions();
    const root = await mount(<WorkspacesSection data={data([entry(1)])} actions={actions} />);
    await click(button(root, "Delete Company 1"));
    const confirm = button(root, "Delete");
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    confirm.click();
    for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(1);
    expect(queryButton(root, "Undo")).toBeDefined();
    await vi.advanceTimersByTimeAsync(UNDO_MS + 10);
    expect(queryButton(root, "Undo")).toBeUndefined();
  });
});
