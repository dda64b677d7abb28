// "Teach the login fields": on a page the heuristics read wrongly, the user starts pick mode from
// the popup and clicks the workspace, identifier and password fields and the login button. The
// map is kept (locators, no values), filled at once without a submit, used before the heuristics
// on the next load, listed in the options page and forgotten there. Refusals: clicks a page
// script dispatches, a page restyling or covering the banner, Escape, a tab navigated away.
import type { Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { clickButton, describeEachBrowser } from "./harness";
import { contentSettled, freshGoto } from "./flows";
import { ACME, getLocal, getSession, seedVault, send, tabIdOf, until } from "./adversarial-flows";
import { openPopup, waitForText } from "./ui-flows";

const PATH = "/fixtures/teach/misread.html";
const RIGHT = ["#code", "#user", "#pw", "#go"];

type Maps = Record<string, { workspace: { id: string } }> | undefined;

/** What the page's fields hold, by id. */
function values(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll("input")].map((i) => [i.id, i.value])),
  );
}

describeEachBrowser("teach the login fields", (h) => {
  const url = (query = "") => `${h.fixtureUrl("teach/misread.html")}${query}`;
  const maps = async () => (await getLocal(h, "fieldMaps")) as Maps;

  /** The popup over `page`: "Teach the login fields"; resolves once the page is in pick mode. */
  async function startTeaching(page: Page): Promise<number> {
    const tabId = await tabIdOf(h, page.url());
    if (tabId === null) throw new Error("no tab id");
    const popup = await openPopup(h, page);
    await waitForText(popup, "Teach the login fields");
    await clickButton(popup, "Teach the login fields");
    await until("pick mode", async () => {
      const t = (await getSession(h, "teaching")) as { tabId: number } | undefined;
      return t?.tabId === tabId;
    });
    await page.bringToFront();
    return tabId;
  }

  async function lastTeach(tabId: number): Promise<string | undefined> {
    const tabs = (await getSession(h, "tabs")) as Record<string, { lastTeach?: string }>;
    return tabs[String(tabId)]?.lastTeach;
  }

  async function clickAll(page: Page, selectors: string[]): Promise<void> {
    for (const s of selectors) await page.click(s);
  }

  it("the heuristics read the page wrongly (the workspace goes into “Société”)", async () => {
    await seedVault(h);
    const page = await freshGoto(h, url());
    expect((await contentSettled(h, page)).lastFill).toBe("filled");
    expect(await values(page)).toMatchObject({ soc: ACME.workspace, code: "" });
  });

  it("a page script dispatching clicks and Escape drives nothing: only the user's clicks are taught", async () => {
    const page = await freshGoto(h, url("?hostile=clicks"));
    await contentSettled(h, page);
    await startTeaching(page);
    expect(
      await page.evaluate(() => (window as unknown as { __attacked: number }).__attacked),
    ).toBe(1);
    // The page's own synthetic clicks on its button did send its form: they reached the page.
    const submits = () =>
      page.evaluate(() => (window as unknown as { __submits: number }).__submits);
    const before = await submits();
    expect(before).toBeGreaterThan(0);
    await clickAll(page, RIGHT);
    const saved = await until("the map saved", async () => (await maps())?.[PATH]);
    expect(saved.workspace.id).toBe("code");
    // Filled at once, never sent: the user's click on the login button was the teaching's.
    await until(
      "the taught workspace filled",
      async () => (await values(page)).code === ACME.workspace,
    );
    expect(await submits()).toBe(before);
  });

  it("the next load uses the taught fields before the heuristics", async () => {
    const page = await freshGoto(h, url());
    expect((await contentSettled(h, page)).lastFill).toBe("filled");
    expect(await values(page)).toEqual({
      soc: "",
      code: ACME.workspace,
      user: ACME.identifier,
      pw: ACME.password,
    });
    // The map holds locators, never a value.
    const text = JSON.stringify(await maps());
    for (const secret of [ACME.password, ACME.identifier, ACME.workspace]) {
      expect(text).not.toContain(secret);
    }
  });

  it("a page restyling the banner cannot hide it: the teaching goes on", async () => {
    const page = await freshGoto(h, url("?hostile=restyle"));
    await contentSettled(h, page);
    const tabId = await startTeaching(page);
    const shown = await page.evaluate(() => {
      const host = document.documentElement.lastElementChild as HTMLElement;
      const s = getComputedStyle(host);
      return [s.opacity, s.display, s.visibility, s.transform, s.clipPath];
    });
    expect(shown).toEqual(["1", "block", "visible", "none", "none"]);
    await clickAll(page, RIGHT);
    await until("saved", async () => ((await lastTeach(tabId)) === "saved" ? true : null));
  });

  it("a page covering the banner with its own top-layer box ends the teaching: nothing is kept", async () => {
    await h.evalInExtension((browser) => browser.storage.local.remove("fieldMaps"));
    const page = await freshGoto(h, url("?hostile=cover"));
    await contentSettled(h, page);
    const tabId = await startTeaching(page);
    await page.click("#code");
    expect(await until("refused", () => lastTeach(tabId))).toBe("refused");
    await clickAll(page, RIGHT.slice(1));
    expect(await maps()).toBeUndefined();
  });

  it("Escape leaves: nothing is kept, and the login button sends the form again", async () => {
    const page = await freshGoto(h, url());
    await contentSettled(h, page);
    const tabId = await startTeaching(page);
    await page.click("#code");
    await page.keyboard.press("Escape");
    expect(await until("cancelled", () => lastTeach(tabId))).toBe("cancelled");
    await clickAll(page, RIGHT.slice(1));
    await until("the page's own submit", () =>
      page.evaluate(() => (window as unknown as { __submitted: unknown }).__submitted),
    );
    expect(await maps()).toBeUndefined();
  });

  it("pick mode reaches the page only when asked, once however often it is asked", async () => {
    const page = await freshGoto(h, url());
    await contentSettled(h, page);
    const banners = () => page.evaluate(() => document.querySelectorAll(":popover-open").length);
    // The script every IamOffice frame gets carries no pick mode: only the worker's injection
    // of the tools (on the popup's request) brings it.
    const script = await h.evalInExtension(async () => {
      const r = await fetch("/src/content/index.js");
      return r.text();
    });
    expect(script).not.toContain("teachStep");
    const tabId = await tabIdOf(h, page.url());
    // Three requests at once, as a user clicking Teach and a report in quick succession would
    // send: one injection, one banner.
    await Promise.all([
      send(h, { type: "teach.start", payload: { tabId } }),
      send(h, { type: "report.get", payload: { tabId } }),
      send(h, { type: "teach.start", payload: { tabId } }),
    ]);
    expect(await banners()).toBe(1);
    await page.bringToFront();
    await page.keyboard.press("Escape");
    expect(await until("cancelled", () => lastTeach(tabId as number))).toBe("cancelled");
    expect(await banners()).toBe(0);
  });

  it("a teaching started and the tab navigated away: the new page is not in pick mode", async () => {
    const page = await freshGoto(h, url());
    await contentSettled(h, page);
    await startTeaching(page);
    await page.click("#code");
    const next = await freshGoto(h, url());
    await contentSettled(h, next);
    await clickAll(next, RIGHT);
    // The click on the login button reached the page: no pick mode took it.
    await until("the page's own submit", () =>
      next.evaluate(() => (window as unknown as { __submitted: unknown }).__submitted),
    );
    expect(await maps()).toBeUndefined();
  });

  it("the options page lists a taught page, and Forget goes back to the heuristics", async () => {
    const page = await freshGoto(h, url());
    await contentSettled(h, page);
    await startTeaching(page);
    await clickAll(page, RIGHT);
    await until("the map saved", async () => (await maps())?.[PATH]);
    const options = await h.openOptions();
    await waitForText(options, PATH);
    await clickButton(options, "Forget");
    await waitForText(options, "None yet.");
    expect((await maps())?.[PATH]).toBeUndefined();
    await options.close();
    const again = await freshGoto(h, url());
    expect((await contentSettled(h, again)).lastFill).toBe("filled");
    expect((await values(again)).soc).toBe(ACME.workspace);
  });
});
