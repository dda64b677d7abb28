import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Popup } from "../../../popup/app";
import { PasskeySection } from "../../../options/passkey-section";
import { button, click, field, flush, mount, pageText, queryButton, type } from "./helpers";
import { passkeyActions } from "./options-fixtures";
import { popupActions, popupData, status } from "./popup-fixtures";

const REQUESTS = [{ credentialId: "AAEC", salt: "c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdHNhbHQ=" }];
const lockedWithPasskey = () =>
  popupData({
    status: status({ vault: { state: "locked", retryAfterMs: 0, passkeys: REQUESTS } }),
  });

describe("passkey unlock in the unlock form", () => {
  beforeEach(() => vi.stubGlobal("PublicKeyCredential", function PublicKeyCredential() {}));
  afterEach(() => vi.unstubAllGlobals());

  it("comes first and focused when passkeys are set up, and unlocks with them", async () => {
    const actions = popupActions();
    const root = await mount(<Popup data={lockedWithPasskey()} actions={actions} />);
    const passkey = button(root, "Unlock with passkey");
    expect(document.activeElement).toBe(passkey);
    expect(pageText(root)).toContain("or type your master password");
    await click(passkey);
    expect(actions.unlockWithPasskey).toHaveBeenCalledWith(REQUESTS);
  });

  it("a cancelled ceremony says why and hands over to the master password field", async () => {
    const actions = popupActions({
      unlockWithPasskey: () => Promise.resolve({ ok: false, error: "passkey_cancelled" }),
    });
    const root = await mount(<Popup data={lockedWithPasskey()} actions={actions} />);
    await click(button(root, "Unlock with passkey"));
    await flush();
    expect(pageText(root)).toContain("The passkey was not used");
    expect(document.activeElement).toBe(field(root, "Master password"));
    await type(field(root, "Master password"), "correct horse");
    await click(button(root, "Unlock"));
    expect(actions.unlock).toHaveBeenCalledWith("correct horse");
  });

  it("a refused passkey honours the throttle's delay", async () => {
    const actions = popupActions({
      unlockWithPasskey: () =>
        Promise.resolve({ ok: false, error: "passkey_failed", retryAfterMs: 4000 }),
    });
    const root = await mount(<Popup data={lockedWithPasskey()} actions={actions} />);
    await click(button(root, "Unlock with passkey"));
    await flush();
    expect(pageText(root)).toContain("This passkey did not unlock the vault");
    expect(pageText(root)).toContain("Try again in 4 s.");
    expect(button(root, "Unlock").disabled).toBe(true);
  });

  it("no passkey set up: the password form alone", async () => {
    const plain = popupData({ status: status({ vault: { state: "locked", retryAfterMs: 0 } }) });
    const root = await mount(<Popup data={plain} actions={popupActions()} />);
    expect(queryButton(root, "Unlock with passkey")).toBeUndefined();
  });

  it("no WebAuthn in this page: the password form alone, focused", async () => {
    vi.unstubAllGlobals();
    const root = await mount(<Popup data={lockedWithPasskey()} actions={popupActions()} />);
    expect(queryButton(root, "Unlock with passkey")).toBeUndefined();
    expect(document.activeElement).toBe(field(root, "Master password"));
  });
});

describe("options: passkey unlock section", () => {
  const listed = [{ credentialId: "AAEC", name: "Laptop", createdAt: Date.UTC(2026, 0, 15) }];

  it("is hidden where the browser cannot run the PRF extension", async () => {
    const root = await mount(<PasskeySection actions={passkeyActions()} generation={0} />);
    await flush();
    expect(pageText(root)).toBe("");
  });

  it("lists the passkeys with name and date, each removable", async () => {
    const actions = passkeyActions({
      supported: () => Promise.resolve(true),
      list: () => Promise.resolve({ ok: true, value: listed }),
    });
    const root = await mount(<PasskeySection actions={actions} generation={0} />);
    await flush();
    expect(pageText(root)).toContain("Laptop");
    expect(pageText(root)).toContain("added on");
    expect(pageText(root)).toContain("Changing the master password");
    await click(button(root, "Remove the passkey Laptop"));
    await flush();
    expect(actions.remove).toHaveBeenCalledWith("AAEC");
    expect(pageText(root)).toContain("Passkey removed.");
  });

  it("set-up asks for the master password, then sends name, password and the ids to exclude", async () => {
    const actions = passkeyActions({
      supported: () => Promise.resolve(true),
      list: () => Promise.resolve({ ok: true, value: listed }),
    });
    const root = await mount(<PasskeySection actions={actions} generation={0} />);
    await flush();
    await click(button(root, "Set up passkey unlock"));
    expect(actions.add).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(field(root, "Your master password, to confirm"));
    await type(field(root, "Name of this passkey"), "Office key");
    await type(field(root, "Your master password, to confirm"), "correct horse");
    await click(button(root, "Set up passkey unlock"));
    await flush();
    expect(actions.add).toHaveBeenCalledWith({
      name: "Office key",
      password: "correct horse",
      exclude: ["AAEC"],
    });
    expect(pageText(root)).toContain("Passkey unlock is set up.");
  });

  it("a wrong master password is said on its field", async () => {
    const actions = passkeyActions({
      supported: () => Promise.resolve(true),
      add: () => Promise.resolve({ ok: false, error: "wrong_password" }),
    });
    const root = await mount(<PasskeySection actions={actions} generation={0} />);
    await flush();
    await type(field(root, "Your master password, to confirm"), "nope");
    await click(button(root, "Set up passkey unlock"));
    await flush();
    expect(pageText(root)).toContain("Wrong master password.");
    expect(field(root, "Your master password, to confirm").getAttribute("aria-invalid")).toBe(
      "true",
    );
  });
});
