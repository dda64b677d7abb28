import { describe, expect, it } from "vitest";
import { SecuritySection } from "../../../options/security-section";
import { button, click, field, mount, pageText, type } from "./helpers";
import { passkeyActions, vaultActions } from "./options-fixtures";

describe("options: security", () => {
  it("changes the master password after local checks", async () => {
    const actions = vaultActions();
    const root = await mount(
      <SecuritySection actions={actions} passkeys={passkeyActions()} userInputs={[]} />,
    );
    await type(field(root, "Current master password"), "old one");
    await type(field(root, "New master password"), "short");
    await type(field(root, "Confirm new master password"), "short");
    await click(button(root, "Change master password"));
    expect(actions.changePassword).not.toHaveBeenCalled();
    expect(pageText(root)).toContain("Too short: use at least 10 characters.");
    await type(field(root, "New master password"), "plum trumpet velvet");
    await type(field(root, "Confirm new master password"), "plum trumpet velvet");
    await click(button(root, "Change master password"));
    expect(actions.changePassword).toHaveBeenCalledWith({
      current: "old one",
      next: "plum trumpet velvet",
      confirm: "plum trumpet velvet",
    });
    expect(pageText(root)).toContain("Master password changed.");
    expect(field(root, "Current master password").value).toBe("");
  });

  it("a wrong current password is shown on that field", async () => {
    const actions = vaultActions({
      changePassword: () => Promise.resolve({ ok: false, error: "wrong_password" }),
    });
    const root = await mount(
      <SecuritySection actions={actions} passkeys={passkeyActions()} userInputs={[]} />,
    );
    await type(field(root, "Current master password"), "nope");
    await type(field(root, "New master password"), "plum trumpet velvet");
    await type(field(root, "Confirm new master password"), "plum trumpet velvet");
    await click(button(root, "Change master password"));
    const current = field(root, "Current master password");
    expect(current.getAttribute("aria-invalid")).toBe("true");
    expect(pageText(root)).toContain("Wrong master password.");
    expect(document.activeElement).toBe(current);
  });

  it("Lock now locks", async () => {
    const actions = vaultActions();
    const root = await mount(
      <SecuritySection actions={actions} passkeys={passkeyActions()} userInputs={[]} />,
    );
    await click(button(root, "Lock now"));
    expect(actions.lock).toHaveBeenCalled();
  });

  it("reset sends the typed word and shows a refusal", async () => {
    const actions = vaultActions({
      reset: () => Promise.resolve({ ok: false, error: "reset_confirmation", detail: "RESET" }),
    });
    const root = await mount(
      <SecuritySection actions={actions} passkeys={passkeyActions()} userInputs={[]} />,
    );
    await type(field(root, "Type RESET to confirm"), " RESET ");
    await click(button(root, "Erase the vault"));
    expect(actions.reset).toHaveBeenCalledWith("RESET");
    expect(pageText(root)).toContain("Type RESET exactly to confirm.");
  });
});
