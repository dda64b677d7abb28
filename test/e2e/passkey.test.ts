// Passkey unlock, end to end. Chromium: the DevTools protocol's virtual authenticator (with the
// PRF extension) stands in for Windows Hello or a security key, one per page: set up in the
// options page, lock, unlock with the passkey, one-click login after it; a ceremony the user
// does not complete, an authenticator without the credential and a tampered wrap all fall back
// to the master password with the reason. Firefox: its WebAuthn service's virtual
// authenticator, browser-wide, so there the popup's own passkey unlock is shown too
// (passkey-firefox.ts). Tests share one browser and one vault, in order.
import type { CDPSession, Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { clickButton, describeEachBrowser, fillByLabels, IAMOFFICE_URL } from "./harness";
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
import { FIREFOX_WEBAUTHN_PREFS, firefoxPasskeyTests } from "./passkey-firefox";
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
  waitForField,
  waitForLoggedInAs,
  waitForText,
  visibleText,
} from "./ui-flows";

interface Authenticator {
  cdp: CDPSession;
  id: string;
}

/** A platform authenticator with user verification and PRF, answering without a prompt. */
async function addAuthenticator(page: Page): Promise<Authenticator> {
  const cdp = await page.createCDPSession();
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, id: authenticatorId };
}

const credentialsOf = async (a: Authenticator) =>
  (await a.cdp.send("WebAuthn.getCredentials", { authenticatorId: a.id })).credentials;

describeEachBrowser(
  "passkey unlock",
  (h, name) => {
    if (name === "firefox") {
      firefoxPasskeyTests(h);
      return;
    }

    let options: Page;
    let a: Authenticator;

    it("sets up passkey unlock in the options page: the master password, then the ceremony", async () => {
      options = await createVault(h);
      await seedEntries(h, [ACME]);
      // A ceremony needs its page focused (the seeding ran in another extension page).
      await options.bringToFront();
      a = await addAuthenticator(options);
      await waitForButton(options, SET_UP);
      // A wrong master password is refused before any ceremony.
      await fillByLabels(options, { [CONFIRM]: "not the master password" });
      await clickButton(options, SET_UP);
      await waitForText(options, "Wrong master password.");
      expect(await credentialsOf(a)).toHaveLength(0);
      await fillByLabels(options, {
        "Name of this passkey": "My passkey (office)",
        [CONFIRM]: MASTER,
      });
      await clickButton(options, SET_UP);
      await waitForText(options, "Passkey unlock is set up.", 20_000);
      await waitForText(options, "My passkey (office)");
      const [credential] = await credentialsOf(a);
      // Non-discoverable, scoped to the extension's own origin.
      expect(credential?.isResidentCredential).toBe(false);
      expect(credential?.rpId).toBe(`chrome-extension://${h.extensionId}`);
      const stored = await vaultObject(h);
      expect(stored.passkeys).toHaveLength(1);
      expect(Object.keys(stored.passkeys![0]!).sort()).toEqual(
        ["createdAt", "credentialId", "iv", "key", "name", "salt"].sort(),
      );
    });

    it("after a lock, the options page offers the passkey first and unlocks with it", async () => {
      await clickButton(options, /^Lock$/);
      const button = await waitForButton(options, UNLOCK);
      await until(
        async () => (await focusedName(options)).startsWith("Unlock with passkey"),
        "focus",
      );
      await button.click();
      await waitForText(options, "Saved workspaces", 20_000);
      await waitForText(options, "Acme");
    });

    it("the one-click login works after a passkey unlock", async () => {
      const demo = await h.goto(IAMOFFICE_URL);
      const popup = await openPopup(h, demo);
      await clickToLogIn(popup, /^Acme\b/);
      await waitForLoggedInAs(demo, ACME.identifier);
    });

    // The virtual authenticator is per page, and a credential copied to another one leaves its
    // PRF secret behind: the popup cannot be shown unlocking (the options page runs the same
    // code, src/ui/passkey-unlock.tsx), only saying plainly why a passkey without PRF cannot.
    it("in the popup, the credential without its PRF secret is said plainly; the password field takes over", async () => {
      await lockVault(h);
      const demo = await h.goto(IAMOFFICE_URL);
      const popup = await openPopup(h, demo);
      const copy = await addAuthenticator(popup);
      const [credential] = await credentialsOf(a);
      await copy.cdp.send("WebAuthn.addCredential", {
        authenticatorId: copy.id,
        credential: credential!,
      });
      await (await waitForButton(popup, UNLOCK)).click();
      await waitForText(popup, "does not support the PRF extension", 20_000);
      await until(async () => (await focusedName(popup)) === "Master password", "password focus");
      expect(await storedVault(h)).toContain('"passkeys"');
    });

    it("in the popup, an authenticator without the credential is refused; the password works", async () => {
      await lockVault(h);
      const demo = await h.goto(IAMOFFICE_URL);
      const popup = await openPopup(h, demo);
      await addAuthenticator(popup);
      const button = await waitForButton(popup, UNLOCK);
      await until(
        async () => (await focusedName(popup)).startsWith("Unlock with passkey"),
        "focus",
      );
      await button.click();
      await waitForText(popup, NOT_USED, 20_000);
      await until(async () => (await focusedName(popup)) === "Master password", "password focus");
      await fillByLabels(popup, { "Master password": MASTER });
      await clickButton(popup, /^Unlock$/);
      await waitForText(popup, "Acme");
      await popup.close();
    });

    it("a tampered wrap fails closed with a clear message; the password still works", async () => {
      await lockVault(h);
      const tampered = await tamperFirstWrap(h);
      await options.bringToFront();
      expect(await credentialsOf(a)).toHaveLength(1);
      await (await waitForButton(options, UNLOCK)).click();
      await waitForText(options, DID_NOT_UNLOCK, 20_000);
      expect(await storedVault(h)).toBe(JSON.stringify(tampered));
      await fillByLabels(options, { "Master password": MASTER });
      await clickButton(options, /^Unlock$/);
      await waitForText(options, "Saved workspaces", 20_000);
    });

    it("a ceremony the user does not complete falls back to the master password", async () => {
      // Last of the ceremonies: Chromium's virtual authenticator answers nothing more once a
      // user verification failed, even when set back to verifying.
      await clickButton(options, /^Lock$/);
      await a.cdp.send("WebAuthn.setUserVerified", {
        authenticatorId: a.id,
        isUserVerified: false,
      });
      await (await waitForButton(options, UNLOCK)).click();
      await waitForText(options, NOT_USED, 20_000);
      await until(async () => (await focusedName(options)) === "Master password", "password focus");
      await fillByLabels(options, { "Master password": MASTER });
      await clickButton(options, /^Unlock$/);
      await waitForText(options, "Saved workspaces", 20_000);
    });

    it("removing the passkey takes the option off the unlock screen", async () => {
      await waitForText(options, "My passkey (office)");
      await clickButton(options, /^Remove the passkey My passkey/);
      await waitForText(options, "Passkey removed.");
      await waitForText(options, "No passkey is set up.");
      await clickButton(options, /^Lock$/);
      await waitForField(options, "Master password");
      expect(await waitForButton(options, UNLOCK, 500).catch(() => null)).toBeNull();
    });

    it("a change of master password removes every passkey, and says so", async () => {
      const next = "Sept girafes lisent Proust 1987";
      await fillByLabels(options, { "Master password": MASTER });
      await clickButton(options, /^Unlock$/);
      await waitForText(options, "Saved workspaces", 20_000);
      // A fresh authenticator: the previous one answers nothing after its failed verification.
      await a.cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: a.id });
      a = await addAuthenticator(options);
      await fillByLabels(options, { [CONFIRM]: MASTER });
      await clickButton(options, SET_UP);
      await waitForText(options, "Passkey unlock is set up.", 20_000);
      expect((await vaultObject(h)).passkeys).toHaveLength(1);
      expect(await visibleText(options)).toContain(
        "Changing the master password gives the vault a new key and removes every passkey",
      );
      await fillByLabels(options, {
        "Current master password": MASTER,
        "New master password": next,
        "Confirm new master password": next,
      });
      await clickButton(options, "Change master password");
      await waitForText(options, "Master password changed.", 30_000);
      await waitForText(options, "No passkey is set up.");
      expect((await vaultObject(h)).passkeys).toBeUndefined();
      await clickButton(options, /^Lock$/);
      await waitForField(options, "Master password");
      expect(await waitForButton(options, UNLOCK, 500).catch(() => null)).toBeNull();
      await fillByLabels(options, { "Master password": next });
      await clickButton(options, /^Unlock$/);
      await waitForText(options, "Saved workspaces", 20_000);
    });
  },
  { firefoxPrefs: FIREFOX_WEBAUTHN_PREFS },
);
