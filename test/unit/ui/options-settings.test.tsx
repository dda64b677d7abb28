import { describe, expect, it } from "vitest";
import { SettingsSection } from "../../../options/settings-section";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/settings";
import { change, field, hasField, mount, pageText, toggle } from "./helpers";
import { settingsActions } from "./options-fixtures";

const settings = (o: Partial<Settings> = {}) => ({ settings: { ...DEFAULT_SETTINGS, ...o } });

describe("options: settings", () => {
  it("each setting has a label and a one-line explanation", async () => {
    const root = await mount(<SettingsSection data={settings()} actions={settingsActions()} />);
    for (const label of [
      "Fill the login window as soon as it appears",
      "Also log in after filling",
      "IamOffice logs you out after",
      "Warn me before the logout",
      "Show notifications",
      "Show the countdown on the toolbar icon",
      "Offer to log back in after an idle logout",
      "Log back in automatically",
      "Lock the vault",
    ]) {
      const control = field(root, label);
      const explain = control.getAttribute("aria-describedby")?.split(" ")[0];
      expect(document.getElementById(explain!)?.textContent, label).toBeTruthy();
    }
    expect(field(root, "IamOffice logs you out after").value).toBe("20");
    expect(field(root, "Warn me before the logout").value).toBe("2");
    expect(field<HTMLInputElement>(root, "Log back in automatically").checked).toBe(false);
    expect(pageText(root)).toContain("follows your browser’s language");
  });

  it("a checkbox is saved at once", async () => {
    const actions = settingsActions();
    const root = await mount(<SettingsSection data={settings()} actions={actions} />);
    await toggle(field(root, "Log back in automatically"));
    expect(actions.set).toHaveBeenCalledWith({ autoRelogin: true });
    expect(pageText(root)).toContain("Setting saved.");
  });

  it("a valid number is saved on change", async () => {
    const actions = settingsActions();
    const root = await mount(<SettingsSection data={settings()} actions={actions} />);
    await change(field(root, "IamOffice logs you out after"), "30");
    expect(actions.set).toHaveBeenCalledWith({ idleTimeoutMinutes: 30 });
  });

  it("a warning not shorter than the timeout is refused; the previous value stays", async () => {
    const actions = settingsActions();
    const root = await mount(<SettingsSection data={settings()} actions={actions} />);
    const lead = field(root, "Warn me before the logout");
    await change(lead, "20");
    expect(actions.set).not.toHaveBeenCalled();
    expect(lead.value).toBe("2");
    expect(lead.getAttribute("aria-invalid")).toBe("true");
    expect(pageText(root)).toContain(
      "The warning must come before the logout: enter fewer minutes than the idle time (20). The previous value (2) is kept.",
    );
  });

  it("out of range and fractional values are refused with the limits", async () => {
    const actions = settingsActions();
    const root = await mount(<SettingsSection data={settings()} actions={actions} />);
    const timeout = field(root, "IamOffice logs you out after");
    await change(timeout, "5000");
    expect(pageText(root)).toContain(
      "Enter a number between 1 and 1440. The previous value (20) is kept.",
    );
    expect(timeout.value).toBe("20");
    await change(timeout, "2.5");
    expect(pageText(root)).toContain("Enter a whole number of minutes.");
    expect(actions.set).not.toHaveBeenCalled();
  });

  it("a refusal from the background is shown and the value goes back", async () => {
    const actions = settingsActions({
      set: () =>
        Promise.resolve({
          ok: false,
          error: "invalid_settings",
          fields: { idleTimeoutMinutes: "out_of_range" },
        }),
    });
    const root = await mount(<SettingsSection data={settings()} actions={actions} />);
    const timeout = field(root, "IamOffice logs you out after");
    await change(timeout, "45");
    expect(actions.set).toHaveBeenCalled();
    expect(timeout.value).toBe("20");
    expect(pageText(root)).toContain("The previous value (20) is kept.");
  });

  it("the auto-lock minutes show only for the 'after N minutes' policy", async () => {
    const actions = settingsActions();
    const root = await mount(<SettingsSection data={settings()} actions={actions} />);
    expect(hasField(root, "Lock after")).toBe(false);
    await change(field<HTMLSelectElement>(root, "Lock the vault"), "idle");
    expect(actions.set).toHaveBeenCalledWith({ autoLock: "idle" });
    const idle = await mount(
      <SettingsSection data={settings({ autoLock: "idle" })} actions={actions} />,
    );
    expect(field(idle, "Lock after").value).toBe("15");
  });
});
