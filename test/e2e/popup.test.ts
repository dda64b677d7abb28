// The popup unlocks the vault, lists the saved
// workspaces and logs into IamOffice in one click (new tab, then the same tab; switching
// accounts logs the other one out first), and all of it works from the keyboard alone.
// Tests share one browser and run in order: each starts from the state the previous one left.
import type { Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { clickButton, demoState, describeEachBrowser, IAMOFFICE_URL } from "./harness";
import {
  type Account,
  clickToLogIn,
  createVault,
  demoTopBar,
  focusedName,
  getsFocus,
  hasFocus,
  iamOfficeTabs,
  lockVault,
  MASTER,
  popupEntries,
  seedEntries,
  storedVault,
  unlockPopup,
  until,
  visibleText,
  waitForField,
  waitForLoggedInAs,
  waitForNewIamOfficeTab,
  waitForPopupList,
  waitForText,
  openPopup,
  poppedClosed,
} from "./ui-flows";

const ACME: Account = {
  name: "Acme",
  workspace: "acme",
  identifier: "marie.dupont",
  password: "pw-acme-1",
};
const BETA: Account = {
  name: "Beta Conseil",
  workspace: "beta",
  identifier: "jean.martin",
  password: "pw-beta-2",
};
// With these the list has 6 entries: more than 5, so the filter box shows.
const MORE: Account[] = [
  { name: "Gamma Audit", workspace: "gamma", identifier: "g.audit", password: "pw-g1" },
  { name: "Gamma Conseil", workspace: "gamma2", identifier: "g.conseil", password: "pw-g2" },
  { name: "Delta", workspace: "delta", identifier: "d.user", password: "pw-d" },
  { name: "Epsilon", workspace: "epsilon", identifier: "e.user", password: "pw-e" },
];
const credentials = ({ workspace, identifier, password }: Account) => ({
  workspace,
  identifier,
  password,
});

/** A page that is not IamOffice, to open the popup over. */
const ELSEWHERE = "https://evil.test/elsewhere";

describeEachBrowser("popup", (h, name) => {
  let iamoffice: Page | undefined;

  const elsewhere = async (): Promise<Page> => {
    h.site.page("evil.test", "/elsewhere", "<title>Elsewhere</title><p>Another site</p>");
    return h.goto(ELSEWHERE);
  };

  /**
   * Keyboard input goes to the focused window. Chromium's popup is a real, focused popup;
   * Firefox's stand-in is a background tab whose document has no focus (activeElement is
   * <body>, Enter does not activate buttons), so bring it to the front as the real panel
   * would be. Its active tab is then the popup itself, not IamOffice: the login goes to the
   * existing IamOffice tab either way.
   */
  const focusPopup = async (popup: Page) => {
    if (name === "firefox") await popup.bringToFront();
  };

  /** Tabs other than the popup (in Firefox the popup itself is a tab). */
  const tabCount = async (popup: Page) =>
    (await h.browser.pages()).filter((p) => p !== popup).length;

  it("wrong master password: says so, stays locked, changes nothing", async () => {
    const options = await createVault(h);
    await seedEntries(h, [ACME, BETA]);
    await options.close();
    await lockVault(h);
    const before = await storedVault(h);

    const popup = await openPopup(h, await elsewhere());
    await unlockPopup(popup, "not the master password");
    await waitForText(popup, "Wrong master password.");
    // Still locked: the field is there (selected for retyping), no workspace is listed.
    const field = await waitForField(popup, "Master password");
    expect(await getsFocus(field)).toBe(true);
    expect(await popupEntries(popup)).toEqual([]);
    expect(await visibleText(popup)).not.toContain(ACME.name);
    expect(await storedVault(h)).toBe(before);
  });

  it("unlock shows the saved workspaces, never a password", async () => {
    const popup = await openPopup(h, await elsewhere());
    await unlockPopup(popup, MASTER);
    const entries = await waitForPopupList(popup, 2);
    // Never used yet: sorted by name. Each shows its name, workspace and identifier.
    expect(entries).toEqual([
      `${ACME.name} ${ACME.workspace} · ${ACME.identifier}`,
      `${BETA.name} ${BETA.workspace} · ${BETA.identifier}`,
    ]);
    const text = await visibleText(popup);
    expect(text).not.toContain(ACME.password);
    expect(text).not.toContain(BETA.password);
    expect(text).not.toContain("Wrong master password");
  });

  it("clicking an entry logs into IamOffice in a new tab", async () => {
    const start = await elsewhere();
    const popup = await openPopup(h, start);
    await waitForPopupList(popup, 2);
    expect(await iamOfficeTabs(h)).toEqual([]);
    const before = await h.browser.pages();

    await clickEntry(popup, ACME.name);
    const tab = await waitForNewIamOfficeTab(h, before);
    await waitForLoggedInAs(tab, ACME.identifier);
    expect((await demoState(tab)).submitted).toEqual(credentials(ACME));
    expect(await demoTopBar(tab)).toContain(`${ACME.identifier} ${ACME.workspace}`);
    expect(await tab.evaluate(() => location.href)).toBe(IAMOFFICE_URL);
    // The job is done in the page: the real popup closes (Firefox's stand-in is a tab).
    if (name === "chromium") await until(() => popup.isClosed(), "the popup to close");
    iamoffice = tab;
  });

  it("next time, reuses that IamOffice tab instead of opening another", async () => {
    const tab = iamoffice;
    if (!tab) throw new Error("needs the tab from the previous test");
    await tab.bringToFront();
    await clickButton(tab, "Déconnexion");
    await until(async () => !(await demoState(tab)).loggedIn, "the demo to log out");

    const popup = await openPopup(h, await elsewhere());
    await waitForPopupList(popup, 2);
    const tabs = await tabCount(popup);
    await clickEntry(popup, ACME.name);
    await until(async () => (await demoState(tab)).logins.length === 2, "a second login");
    await waitForLoggedInAs(tab, ACME.identifier);
    expect((await demoState(tab)).submitted).toEqual(credentials(ACME));
    expect(await iamOfficeTabs(h)).toEqual([tab]);
    expect(await tabCount(popup)).toBe(tabs);
    // …and brings it to the front.
    const active = await h.evalInExtension(async (browser) => {
      const [t] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return t?.url;
    });
    expect(active).toBe(IAMOFFICE_URL);
  });

  it("logged in as one account, choosing another logs out and in as the other", async () => {
    const tab = iamoffice;
    if (!tab) throw new Error("needs the tab from the previous test");
    const popup = await openPopup(h, tab);
    // Most recently used first.
    expect((await waitForPopupList(popup, 2))[0]).toMatch(new RegExp(`^${ACME.name}\\b`));
    await clickEntry(popup, BETA.name);
    await waitForLoggedInAs(tab, BETA.identifier);
    const state = await demoState(tab);
    expect(state.submitted).toEqual(credentials(BETA));
    expect(state.logouts.at(-1)?.reason).toBe("user");
    const top = await demoTopBar(tab);
    expect(top).toContain(`${BETA.identifier} ${BETA.workspace}`);
    expect(top).not.toContain(ACME.identifier);
    expect(await iamOfficeTabs(h)).toEqual([tab]);
  });

  it("keyboard only: unlock with Enter, filter, Enter logs into the first match", async () => {
    const tab = iamoffice;
    if (!tab) throw new Error("needs the tab from the previous test");
    await seedEntries(h, MORE);
    await lockVault(h);
    const popup = await openPopup(h, tab);
    await focusPopup(popup);
    const field = await waitForField(popup, "Master password");
    expect(await getsFocus(field), `focus is on ${await focusedName(popup)}`).toBe(true);
    await popup.keyboard.type(MASTER);
    await popup.keyboard.press("Enter");

    await waitForPopupList(popup, 6);
    const filter = await waitForField(popup, "Filter workspaces");
    expect(await getsFocus(filter), `focus is on ${await focusedName(popup)}`).toBe(true);
    await popup.keyboard.type("gamma");
    expect(await waitForPopupList(popup, 2)).toEqual([
      `${MORE[0]?.name} gamma · g.audit`,
      `${MORE[1]?.name} gamma2 · g.conseil`,
    ]);
    await pressToLogIn(popup);
    await waitForLoggedInAs(tab, "g.audit");
    expect((await demoState(tab)).submitted).toEqual(credentials(MORE[0] as Account));
  });

  it("keyboard only: arrow keys walk the filtered list, Enter logs into the chosen one", async () => {
    const tab = iamoffice;
    if (!tab) throw new Error("needs the tab from the previous test");
    const popup = await openPopup(h, tab);
    await focusPopup(popup);
    const filter = await waitForField(popup, "Filter workspaces");
    expect(await getsFocus(filter), `focus is on ${await focusedName(popup)}`).toBe(true);
    // Accents and case do not matter.
    await popup.keyboard.type("CONSÉIL");
    expect(await waitForPopupList(popup, 2)).toEqual([
      `${BETA.name} ${BETA.workspace} · ${BETA.identifier}`,
      `${MORE[1]?.name} gamma2 · g.conseil`,
    ]);
    await popup.keyboard.press("ArrowDown");
    expect(await focusedName(popup)).toMatch(new RegExp(`^${BETA.name}\\b`));
    await popup.keyboard.press("ArrowDown");
    expect(await focusedName(popup)).toMatch(/^Gamma Conseil\b/);
    await popup.keyboard.press("ArrowDown"); // stays on the last one
    expect(await focusedName(popup)).toMatch(/^Gamma Conseil\b/);
    await popup.keyboard.press("ArrowUp");
    await popup.keyboard.press("ArrowUp"); // back to the filter box
    expect(await hasFocus(filter)).toBe(true);
    await popup.keyboard.press("ArrowDown");
    await popup.keyboard.press("ArrowDown");
    await pressToLogIn(popup);
    await waitForLoggedInAs(tab, "g.conseil");
    expect((await demoState(tab)).submitted).toEqual(credentials(MORE[1] as Account));
  });
});

/** Clicks the popup entry whose accessible name starts with `entryName`. */
function clickEntry(popup: Page, entryName: string): Promise<void> {
  const escaped = entryName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return clickToLogIn(popup, new RegExp(`^${escaped}\\b`));
}

/**
 * Enter on an entry: the login starts on the key going down, and the popup closes itself as
 * a user expects, possibly before the key comes back up. A key-up that finds the popup gone
 * is that success, not an error (in Firefox the popup is a tab that stays open).
 */
async function pressToLogIn(popup: Page): Promise<void> {
  try {
    await popup.keyboard.press("Enter");
  } catch (error) {
    if (!poppedClosed(error)) throw error;
  }
}
