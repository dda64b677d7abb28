// The IamOffice page's own scripts (or anything injected into them) try to
// make the extension fill, offer to save, or count idle activity without the user:
// window.postMessage and CustomEvents shaped like our protocol, synthetic (untrusted) clicks,
// key presses (the extension's own Alt+Shift+L shortcut included), pointer and wheel events, a
// login typed and submitted by script, and address changes made by script. The hostile script
// is test/fixtures/hostile/spoof.js, added to the page the way any page script runs.
// Each attack has its positive control in the same file: the trusted user action that does work.
import type { Page } from "puppeteer-core";
import { expect, it } from "vitest";
import {
  IAMOFFICE_URL,
  clickButton,
  demoState,
  describeEachBrowser,
  type DemoWindow,
  fillByLabels,
  waitForLoadSettled,
} from "./harness";
import { EMPTY_DEMO, demoExpected, demoValues, demoValuesEventually, freshGoto } from "./flows";
import {
  ACME,
  BETA,
  badgeText,
  getSession,
  pageText,
  seedVault,
  send,
  setSettings,
  sleep,
  until,
} from "./adversarial-flows";
import { clickToLogIn } from "./ui-flows";

/**
 * For an event that must have no effect at all (a page's synthetic event, a user's own
 * logout) the extension produces no signal to wait for: this is how long such a check gives
 * it, several times what the matching positive case takes here.
 */
const NEGATIVE_WAIT_MS = 1500;

type Spoof = {
  __spoof: {
    messages(): void;
    input(): void;
    fakeLogin(c: { workspace: string; identifier: string; password: string }): void;
    navigate(): void;
  };
};
const TYPED = { workspace: "typed-ws", identifier: "typed.user", password: "Pw§typed-4Lm2" };
/** The demo keeps its session in a cookie: a reload shows the dashboard again, no login. */
const REMEMBER_URL = `${IAMOFFICE_URL}?remember=1`;

async function withSpoof(page: Page): Promise<void> {
  await page.addScriptTag({ url: `${IAMOFFICE_URL}fixtures/hostile/spoof.js` });
  await page.waitForFunction(() => "__spoof" in window);
}

async function pendingSave(h: Parameters<typeof send>[0]): Promise<unknown> {
  const status = await send<{ pendingSave: unknown }>(h, { type: "status.get" });
  return status.pendingSave;
}

async function lastActivity(h: Parameters<typeof send>[0]): Promise<number | null> {
  const clock = (await getSession(h, "clock")) as
    { lastActivity: number; loggedInTabs: number[] } | undefined;
  return clock && clock.loggedInTabs.length > 0 ? clock.lastActivity : null;
}

describeEachBrowser("adversarial: page spoofing", (h) => {
  it("page messages, custom events and synthetic input never make it fill", async () => {
    await seedVault(h, { entries: [ACME, BETA] });
    // Page-load autofill off: only an explicit request may fill, and the page must not forge one.
    await setSettings(h, { autofillOnLoad: false });
    const page = await freshGoto(h, IAMOFFICE_URL);
    await waitForLoadSettled(page);
    await withSpoof(page);
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => {
        const w = window as unknown as Spoof;
        w.__spoof.messages();
        w.__spoof.input();
      });
      await sleep(300);
    }
    await sleep(NEGATIVE_WAIT_MS);
    expect(await demoValues(page)).toEqual(EMPTY_DEMO);
    expect(await pageText(page)).not.toContain(ACME.password);
    expect((await demoState(page)).logins).toEqual([]);
  });

  it("positive control: a click in the popup does fill and log in that same page", async () => {
    const page = await h.tab();
    const popup = await h.openPopup({ over: page });
    await until("the entry in the popup", () =>
      popup.evaluate(() => document.body.innerText.includes("Acme SARL")),
    );
    await clickToLogIn(popup, /^Acme SARL\b/);
    await page.waitForFunction(() => document.body.dataset.loggedIn === "1", { timeout: 15_000 });
    expect((await demoState(page)).submitted?.password).toBe(ACME.password);
  });

  it("a login typed and submitted by a page script gets no save prompt", async () => {
    const page = await freshGoto(h, REMEMBER_URL);
    await waitForLoadSettled(page);
    if ((await demoState(page)).loggedIn) {
      await clickButton(page, "Déconnexion");
      await page.waitForFunction(() => document.body.dataset.loggedIn === "0");
    }
    await withSpoof(page);
    await page.evaluate((c) => (window as unknown as Spoof).__spoof.fakeLogin(c), TYPED);
    // The page's own handler did take the scripted login…
    await page.waitForFunction(() => document.body.dataset.loggedIn === "1", { timeout: 5000 });
    await sleep(NEGATIVE_WAIT_MS);
    // …but the extension offers nothing to save, neither in the popup nor on the toolbar.
    expect(await pendingSave(h)).toBeNull();
    expect(await getSession(h, "pendingSave")).toBeUndefined();
    expect(await badgeText(h)).not.toBe("+");
  });

  it("positive control: the same login typed by the user is offered for saving", async () => {
    const page = await h.tab();
    await clickButton(page, "Déconnexion");
    await page.waitForFunction(() => document.body.dataset.loggedIn === "0");
    await fillByLabels(page, {
      "Espace de travail": TYPED.workspace,
      Identifiant: TYPED.identifier,
      "Mot de passe": TYPED.password,
    });
    await clickButton(page, "Connexion");
    await page.waitForFunction(() => document.body.dataset.loggedIn === "1", { timeout: 5000 });
    expect(await until("the save prompt", () => pendingSave(h))).toMatchObject({
      workspace: TYPED.workspace,
      identifier: TYPED.identifier,
    });
    expect(await badgeText(h)).toBe("+");
    await send(h, { type: "pendingSave.dismiss" });
  });

  // The idle clock: a fresh load of a remembered session shows the dashboard (the clock runs),
  // and the content script of a fresh document reports its first trusted action at once.
  let settled: number | null = null;

  it("synthetic events and protocol-shaped messages from the page are no activity", async () => {
    const page = await freshGoto(h, REMEMBER_URL);
    await page.waitForFunction(() => document.body.dataset.loggedIn === "1");
    await waitForLoadSettled(page);
    settled = await until("the idle clock running", () => lastActivity(h));
    await withSpoof(page);
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => {
        const w = window as unknown as Spoof;
        w.__spoof.input();
        w.__spoof.messages();
      });
      await sleep(300);
    }
    await sleep(NEGATIVE_WAIT_MS);
    expect(await lastActivity(h)).toBe(settled);
  });

  it("address changes made by a page script (pushState, replaceState, hash) are no activity", async () => {
    const page = await h.tab();
    const before = await lastActivity(h);
    expect(before).not.toBeNull();
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => (window as unknown as Spoof).__spoof.navigate());
      await sleep(300);
    }
    await sleep(NEGATIVE_WAIT_MS);
    expect(await lastActivity(h)).toBe(before);
  });

  it("positive control: one real key press is activity", async () => {
    const page = await h.tab();
    const before = await lastActivity(h);
    await page.bringToFront();
    await page.keyboard.press("Shift");
    const after = await until("the clock to move", async () => {
      const now = await lastActivity(h);
      return now !== null && before !== null && now > before ? now : null;
    });
    expect(after).toBeGreaterThan(before ?? 0);
  });

  it("a page script cannot pick which saved account it gets by rewriting the address", async () => {
    await setSettings(h, { autofillOnLoad: true });
    // Positive control: the address names Acme at load, so Acme is filled.
    const page = await freshGoto(h, `${IAMOFFICE_URL}#${ACME.workspace}`);
    expect(await demoValuesEventually(page, demoExpected(ACME))).toEqual(demoExpected(ACME));
    // The page rewrites its fragment to name Beta, logs in and out: a fresh login window shows,
    // and the extension is asked again what to fill in it.
    await page.evaluate((beta) => {
      const hint = `#${beta.workspace}&login=${beta.identifier}`;
      history.replaceState(null, "", hint);
      location.hash = hint;
      document.querySelector<HTMLButtonElement>("button[type=submit]")?.click();
    }, BETA);
    await page.waitForFunction(() => document.body.dataset.loggedIn === "1", { timeout: 5000 });
    await page.evaluate(() => (window as unknown as DemoWindow).__demo.logout());
    await page.waitForFunction(() => document.body.dataset.loggedIn === "0");
    await sleep(NEGATIVE_WAIT_MS);
    expect(await pageText(page)).not.toContain(BETA.password);
    await setSettings(h, { autofillOnLoad: false });
  });
});
