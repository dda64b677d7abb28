import { describe, expect, it } from "vitest";
import { Popup } from "../../../popup/app";
import { button, click, field, mount, pageText, queryButton, type } from "./helpers";
import { entry, popupActions, popupData, status } from "./popup-fixtures";

describe("popup quick add", () => {
  it("prefills workspace and identifier from the tab's hash hint and focuses the password", async () => {
    const data = popupData({
      status: status({ hint: { workspace: "ACME", identifier: "jdoe" } }),
      entries: [entry(1)],
    });
    const root = await mount(<Popup data={data} actions={popupActions()} />);
    await click(button(root, "Add workspace"));
    expect(field(root, "Workspace").value).toBe("ACME");
    expect(field(root, "Identifier").value).toBe("jdoe");
    expect(field(root, "Password").value).toBe("");
    expect(document.activeElement).toBe(field(root, "Password"));
  });

  it("empty required fields are flagged and nothing is sent", async () => {
    const actions = popupActions();
    const root = await mount(<Popup data={popupData()} actions={actions} />);
    await click(button(root, "Add workspace"));
    await type(field(root, "Workspace"), "ACME");
    await click(button(root, "Save"));
    expect(actions.saveEntry).not.toHaveBeenCalled();
    expect(field(root, "Identifier").getAttribute("aria-invalid")).toBe("true");
    expect(field(root, "Password").getAttribute("aria-invalid")).toBe("true");
    expect(field(root, "Workspace").getAttribute("aria-invalid")).toBeNull();
    expect(document.activeElement).toBe(field(root, "Identifier"));
  });

  it("saves the typed input and goes back to the list", async () => {
    const actions = popupActions();
    const root = await mount(<Popup data={popupData()} actions={actions} />);
    await click(button(root, "Add workspace"));
    await type(field(root, "Name"), "  Acme corp ");
    await type(field(root, "Workspace"), "ACME");
    await type(field(root, "Identifier"), "jdoe");
    await type(field(root, "Password"), "pw 1");
    await click(button(root, "Save"));
    expect(actions.saveEntry).toHaveBeenCalledWith({
      id: undefined,
      input: { name: "Acme corp", workspace: "ACME", identifier: "jdoe", password: "pw 1" },
    });
    expect(pageText(root)).toContain("“Acme corp” saved.");
    expect(queryButton(root, "Save")).toBeUndefined();
  });

  it("a duplicate is refused with the existing entry's name, keeping what was typed", async () => {
    const actions = popupActions({
      saveEntry: () => Promise.resolve({ ok: false, error: "duplicate_entry", detail: "Acme" }),
    });
    const root = await mount(<Popup data={popupData()} actions={actions} />);
    await click(button(root, "Add workspace"));
    await type(field(root, "Workspace"), "ACME");
    await type(field(root, "Identifier"), "jdoe");
    await type(field(root, "Password"), "pw");
    await click(button(root, "Save"));
    expect(pageText(root)).toContain("This workspace and identifier are already saved as “Acme”.");
    expect(field(root, "Workspace").value).toBe("ACME");
  });

  it("field errors from the background land on their field", async () => {
    const actions = popupActions({
      saveEntry: () =>
        Promise.resolve({
          ok: false,
          error: "invalid_entry",
          fields: { workspace: "too_long" },
        }),
    });
    const root = await mount(<Popup data={popupData()} actions={actions} />);
    await click(button(root, "Add workspace"));
    await type(field(root, "Workspace"), "A".repeat(300));
    await type(field(root, "Identifier"), "jdoe");
    await type(field(root, "Password"), "pw");
    await click(button(root, "Save"));
    const ws = field(root, "Workspace");
    expect(ws.getAttribute("aria-invalid")).toBe("true");
    const describedBy = ws.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy.split(" ")[0]!)?.textContent).toBe("Too long.");
  });

  it("the password can be shown and hidden (aria-pressed)", async () => {
    const root = await mount(<Popup data={popupData()} actions={popupActions()} />);
    await click(button(root, "Add workspace"));
    const pw = field(root, "Password");
    const toggle = button(root, "Show");
    expect(pw.type).toBe("password");
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    await click(toggle);
    expect(pw.type).toBe("text");
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
  });

  it("Cancel closes the form without saving and returns focus to Add workspace", async () => {
    const actions = popupActions();
    const root = await mount(<Popup data={popupData()} actions={actions} />);
    await click(button(root, "Add workspace"));
    await click(button(root, "Cancel"));
    expect(actions.saveEntry).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button(root, "Add workspace"));
  });
});

describe("popup pending save prompt", () => {
  const pendingData = (existingId?: string) =>
    popupData({
      status: status({ pendingSave: { workspace: "ACME", identifier: "jdoe", existingId } }),
    });

  it("asks, then prefills the form with the pending login (password included)", async () => {
    const actions = popupActions();
    const root = await mount(<Popup data={pendingData()} actions={actions} />);
    expect(pageText(root)).toContain("Save the login you just used for ACME/jdoe?");
    await click(button(root, "Save"));
    expect(actions.loadPendingSave).toHaveBeenCalled();
    expect(field(root, "Workspace").value).toBe("ACME");
    expect(field(root, "Identifier").value).toBe("jdoe");
    expect(field(root, "Password").value).toBe("s3cret");
    await click(button(root, "Save"));
    expect(actions.saveEntry).toHaveBeenCalledWith({
      id: undefined,
      input: { name: "", workspace: "ACME", identifier: "jdoe", password: "s3cret" },
    });
    expect(actions.dismissPendingSave).toHaveBeenCalled();
  });

  it("an update of an existing entry saves under its id", async () => {
    const actions = popupActions();
    const root = await mount(<Popup data={pendingData("id9")} actions={actions} />);
    expect(pageText(root)).toContain("Update the saved password for ACME/jdoe");
    await click(button(root, "Update"));
    await click(button(root, "Save"));
    expect(actions.saveEntry.mock.calls[0]?.[0].id).toBe("id9");
  });

  it("Not now dismisses the prompt", async () => {
    const actions = popupActions();
    const root = await mount(<Popup data={pendingData()} actions={actions} />);
    await click(button(root, "Not now"));
    expect(actions.dismissPendingSave).toHaveBeenCalled();
    expect(actions.saveEntry).not.toHaveBeenCalled();
  });
});
