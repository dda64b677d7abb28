// A read-only (or disabled) workspace the page filled itself, as the vendor's page does from its
// own fragment (test/fixtures/login/prefilled-workspace.html, here from ?espace= so that the
// address names no account to the extension). It names the usual account: identifier and
// password are filled beside it. It names another saved account: nothing is filled, the toolbar
// shows "?", and one click in the popup logs in with that account.
import { expect, it } from "vitest";
import { clickButton, describeEachBrowser, IAMOFFICE_URL } from "./harness";
import { contentSettled, freshGoto } from "./flows";
import {
  ACME,
  BETA,
  badgeText,
  getSession,
  inputValues,
  pageText,
  seedVault,
  send,
  tabIdOf,
} from "./adversarial-flows";
import { openPopup, waitForText } from "./ui-flows";
import { submittedEventually } from "./page-probes";

describeEachBrowser("a workspace the page filled and locked itself", (h) => {
  const fixture = (query: string) => `${h.fixtureUrl("login/prefilled-workspace.html")}?${query}`;

  it("setup: two saved accounts, Acme the usual one (logged in once from the popup's message)", async () => {
    const [acme] = await seedVault(h, { entries: [ACME, BETA] });
    const demo = await freshGoto(h, IAMOFFICE_URL);
    expect(await send(h, { type: "login.oneClick", payload: { id: acme } })).toEqual({ ok: true });
    await demo.waitForFunction(() => document.body.dataset.loggedIn === "1", { timeout: 15_000 });
  });

  it.each(["DEMO", "DEMO&lock=disabled"])(
    "?espace=%s names the usual account: identifier and password are filled beside it",
    async (query) => {
      const page = await freshGoto(h, fixture(`espace=${query}`));
      expect((await contentSettled(h, page)).lastFill).toBe("filled");
      expect(await inputValues(page)).toEqual(["DEMO", ACME.identifier, ACME.password]);
    },
  );

  it("?espace=beta names another saved account: nothing is filled, the popup offers it, one click logs in", async () => {
    const page = await freshGoto(h, fixture("espace=beta"));
    expect((await contentSettled(h, page)).lastFill).toBe("ask");
    expect(await inputValues(page)).toEqual(["beta", "", ""]);
    expect(await pageText(page)).not.toContain(ACME.password);
    expect(await badgeText(h)).toBe("?");

    const popup = await openPopup(h, page);
    await waitForText(popup, "IamOffice shows the workspace “beta” here");
    await clickButton(popup, `Log in with ${BETA.name}`);
    expect(await submittedEventually(page)).toEqual({
      workspace: "beta",
      identifier: BETA.identifier,
      password: BETA.password,
    });
    // The user acted: the question is answered.
    const tabId = await tabIdOf(h, fixture("espace=beta"));
    const tabs = (await getSession(h, "tabs")) as Record<string, { notice?: unknown }>;
    expect(tabs[String(tabId)]?.notice).toBeUndefined();
  });

  it("?espace=gamma names no saved account: nothing is filled, nothing is offered", async () => {
    const page = await freshGoto(h, fixture("espace=gamma"));
    expect((await contentSettled(h, page)).lastFill).toBe("no_entry");
    expect(await inputValues(page)).toEqual(["gamma", "", ""]);
    expect(await badgeText(h)).not.toBe("?");
  });
});
