// Passkey unlock in Firefox: its own virtual authenticator (the WebAuthn service's test token,
// reached in the parent process over WebDriver BiDi, see firefox-parent.ts), browser-wide, with
// the PRF extension. The relying party is IamOffice's domain there, the one web domain the
// extension has host access to. Registered by passkey.test.ts for its Firefox run.
import { expect, it } from "vitest";
import { clickButton, fillByLabels, IAMOFFICE_URL, type Harness } from "./harness";
import { inFirefoxParent } from "./firefox-parent";
import {
  ACME,
  CONFIRM,
  DID_NOT_UNLOCK,
  NOT_USED,
  SET_UP,
  UNLOCK,
  tamperFirstWrap,
  vaultObject,
} from "./passkey-flows";
import {
  clickToLogIn,
  createVault,
  focusedName,
  lockVault,
  MASTER,
  openPopup,
  seedEntries,
  storedVault,
  until,
  waitForButton,
  waitForLoggedInAs,
  waitForText,
} from "./ui-flows";

/** The prefs that let the WebAuthn service use virtual authenticators only. */
export const FIREFOX_WEBAUTHN_PREFS = {
  "security.webauth.webauthn_enable_softtoken": true,
  "security.webauth.webauthn_enable_usbtoken": false,
};

const SERVICE = `Cc["@mozilla.org/webauthn/service;1"].getService(Ci.nsIWebAuthnService)`;

/** A platform authenticator with user verification (and PRF): its id. */
const addAuthenticator = (h: Harness) =>
  inFirefoxParent<string>(
    h,
    `String(${SERVICE}.addVirtualAuthenticator("ctap2_1", "internal", true, true, true, true))`,
  );

const removeAuthenticator = (h: Harness, id: string) =>
  inFirefoxParent<null>(h, `(${SERVICE}.removeVirtualAuthenticator(${JSON.stringify(id)}), null)`);

const credentialRpIds = (h: Harness, id: string) =>
  inFirefoxParent<string[]>(
    h,
    `${SERVICE}.getCredentials(${JSON.stringify(id)}).map((c) => c.rpId)`,
  );

export function firefoxPasskeyTests(h: Harness): void {
  let authenticator = "";

  it("sets up passkey unlock; the relying party is IamOffice's domain", async () => {
    const options = await createVault(h);
    await seedEntries(h, [ACME]);
    authenticator = await addAuthenticator(h);
    await options.bringToFront();
    await waitForButton(options, SET_UP);
    await fillByLabels(options, { [CONFIRM]: MASTER });
    await clickButton(options, SET_UP);
    await waitForText(options, "Passkey unlock is set up.", 20_000);
    expect(await credentialRpIds(h, authenticator)).toEqual(["soft.iamoffice.net"]);
    expect((await vaultObject(h)).passkeys).toHaveLength(1);
    await options.close();
  });

  it("the popup offers the passkey first, unlocks with it, and the one-click login works", async () => {
    await lockVault(h);
    const demo = await h.goto(IAMOFFICE_URL);
    const popup = await openPopup(h, demo);
    // The stand-in popup is a background tab: a ceremony needs its document in front.
    await popup.bringToFront();
    const button = await waitForButton(popup, UNLOCK);
    await until(async () => (await focusedName(popup)).startsWith("Unlock with passkey"), "focus");
    await button.click();
    await waitForText(popup, "Acme", 20_000);
    await clickToLogIn(popup, /^Acme\b/);
    await waitForLoggedInAs(demo, ACME.identifier);
  });

  it("a tampered wrap fails closed with a clear message", async () => {
    await lockVault(h);
    const tampered = await tamperFirstWrap(h);
    const options = await h.openOptions();
    await (await waitForButton(options, UNLOCK)).click();
    await waitForText(options, DID_NOT_UNLOCK, 20_000);
    expect(await storedVault(h)).toBe(JSON.stringify(tampered));
    await options.close();
  });

  it("an authenticator without the credential is refused; the password still works", async () => {
    await removeAuthenticator(h, authenticator);
    await addAuthenticator(h);
    const options = await h.openOptions();
    await (await waitForButton(options, UNLOCK)).click();
    await waitForText(options, NOT_USED, 20_000);
    await until(async () => (await focusedName(options)) === "Master password", "password focus");
    await fillByLabels(options, { "Master password": MASTER });
    await clickButton(options, /^Unlock$/);
    await waitForText(options, "Saved workspaces", 20_000);
  });
}
