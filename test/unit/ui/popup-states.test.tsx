import { describe, expect, it } from "vitest";
import { Popup } from "../../../popup/app";
import { button, click, field, flush, hasField, mount, pageText, type } from "./helpers";
import { entry, popupActions, popupData, status } from "./popup-fixtures";

describe("popup states", () => {
  it("shows a fixed-size skeleton while the status loads", async () => {
    const root = await mount(<Popup data={popupData({ status: null })} actions={popupActions()} />);
    expect(root.querySelector(".popup")?.getAttribute("aria-busy")).toBe("true");
    expect(hasField(root, "Master password")).toBe(false);
    expect(pageText(root)).toContain("IamOffice Login");
  });

  it("locked: one Master password field, focused, and Unlock sends it", async () => {
    const actions = popupActions();
    const data = popupData({ status: status({ vault: { state: "locked", retryAfterMs: 0 } }) });
    const root = await mount(<Popup data={data} actions={actions} />);
    const input = field(root, "Master password");
    expect(input.type).toBe("password");
    expect(document.activeElement).toBe(input);
    expect(root.querySelectorAll("input").length).toBe(1);
    await type(input, "correct horse");
    await click(button(root, "Unlock"));
    expect(actions.unlock).toHaveBeenCalledWith("correct horse");
  });

  it("locked: a wrong password is said plainly, with the retry delay", async () => {
    const actions = popupActions({
      unlock: () => Promise.resolve({ ok: false, error: "wrong_password", retryAfterMs: 4000 }),
    });
    const data = popupData({ status: status({ vault: { state: "locked", retryAfterMs: 0 } }) });
    const root = await mount(<Popup data={data} actions={actions} />);
    const input = field(root, "Master password");
    await type(input, "nope");
    await click(button(root, "Unlock"));
    expect(pageText(root)).toContain("Wrong master password. Try again in 4 s.");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(button(root, "Unlock").disabled).toBe(true);
    expect(root.querySelector("[aria-live] .msg-error")).not.toBeNull();
  });

  it("locked: an empty field is not sent", async () => {
    const actions = popupActions();
    const data = popupData({ status: status({ vault: { state: "locked", retryAfterMs: 0 } }) });
    const root = await mount(<Popup data={data} actions={actions} />);
    await click(button(root, "Unlock"));
    expect(actions.unlock).not.toHaveBeenCalled();
    expect(pageText(root)).toContain("Enter your master password.");
  });

  it("locked: a running throttle from the status disables Unlock", async () => {
    const data = popupData({
      status: status({ vault: { state: "locked", retryAfterMs: 30_000 } }),
    });
    const root = await mount(<Popup data={data} actions={popupActions()} />);
    expect(pageText(root)).toContain("Too many attempts. Try again in 30 s.");
    expect(button(root, "Unlock").disabled).toBe(true);
  });

  it("no vault: explains and opens the options page", async () => {
    const actions = popupActions();
    const data = popupData({ status: status({ vault: { state: "none", retryAfterMs: 0 } }) });
    const root = await mount(<Popup data={data} actions={actions} />);
    expect(pageText(root)).toContain("encrypted under one master password");
    await click(button(root, "Create the master password"));
    expect(actions.openOptions).toHaveBeenCalledTimes(1);
  });

  it("corrupt: says nothing was deleted and links to the options", async () => {
    const actions = popupActions();
    const data = popupData({ status: status({ vault: { state: "corrupt", retryAfterMs: 0 } }) });
    const root = await mount(<Popup data={data} actions={actions} />);
    expect(pageText(root)).toContain("Nothing has been deleted");
    await click(button(root, "Open the options page"));
    expect(actions.openOptions).toHaveBeenCalled();
  });

  it("the Options link opens the options page instead of navigating", async () => {
    const actions = popupActions();
    const root = await mount(<Popup data={popupData()} actions={actions} />);
    const link = [...root.querySelectorAll("a")].find((a) => a.textContent === "Options");
    expect(link).toBeDefined();
    await click(link!);
    expect(actions.openOptions).toHaveBeenCalled();
  });

  it("unlocked: Lock sends vault.lock", async () => {
    const actions = popupActions();
    const root = await mount(<Popup data={popupData({ entries: [entry(1)] })} actions={actions} />);
    await click(button(root, "Lock"));
    expect(actions.lock).toHaveBeenCalled();
  });

  it("background silent: shows an error instead of an endless skeleton", async () => {
    const data = popupData({ status: null, loadError: { ok: false, error: "internal" } });
    const root = await mount(<Popup data={data} actions={popupActions()} />);
    await flush();
    expect(pageText(root)).toContain("Something went wrong");
  });
});
