// Below the fold is not off-screen: a login window under a tall banner, or in a window smaller
// than it, is filled — the extension scrolls to it as a person would, then makes every check
// (src/content/reach.ts). What is truly out of reach stays empty: clipped by an overflow box,
// in a page that cannot scroll, fixed out of view, or covered once scrolled to.
import type { Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { describeEachBrowser } from "./harness";
import { contentSettled, freshGoto } from "./flows";
import { ACME, inputValues, pageText, seedVault } from "./adversarial-flows";
import { expectedFieldValuesEventually } from "./page-probes";

const CREDENTIALS = {
  workspace: ACME.workspace,
  identifier: ACME.identifier,
  password: ACME.password,
};

const OUT_OF_REACH = [
  "below-fold-clipped",
  "below-fold-unscrollable",
  "fixed-below",
  "below-fold-covered",
  "below-fold-cover-passthrough",
];

/** Where the page is scrolled to, and whether the password field shows in the viewport now. */
function scrolled(page: Page): Promise<{ y: number; passwordShown: boolean }> {
  return page.evaluate(() => {
    const r = document.getElementById("pw")?.getBoundingClientRect();
    return {
      y: window.scrollY,
      passwordShown: !!r && r.top >= 0 && r.bottom <= window.innerHeight,
    };
  });
}

describeEachBrowser("below the fold", (h) => {
  it("fills a login window 1,500 px down under a banner, and the page shows it", async () => {
    await seedVault(h);
    const page = await freshGoto(h, h.fixtureUrl("login/below-fold.html"));
    expect(await expectedFieldValuesEventually(page, CREDENTIALS)).toEqual(CREDENTIALS);
    const at = await scrolled(page);
    expect(at.y).toBeGreaterThan(1000);
    expect(at.passwordShown).toBe(true);
  });

  it("fills it in a window smaller than the login window (each field brought into view)", async () => {
    const page = await h.goto("about:blank");
    const before = page.viewport();
    await page.setViewport({ width: 480, height: 160 });
    try {
      const small = await freshGoto(h, h.fixtureUrl("login/below-fold.html"));
      expect(await expectedFieldValuesEventually(small, CREDENTIALS)).toEqual(CREDENTIALS);
      expect((await scrolled(small)).passwordShown).toBe(true);
    } finally {
      if (before) await page.setViewport(before);
    }
  });

  it.each(OUT_OF_REACH)("fills nothing in hostile/%s.html", async (name) => {
    const page = await freshGoto(h, h.fixtureUrl(`hostile/${name}.html`));
    const settled = await contentSettled(h, page);
    expect(settled.lastFill ?? settled.state).not.toBe("filled");
    const values = await inputValues(page);
    expect(values.length, "the page has its login fields").toBe(3);
    expect(values.filter((v) => v !== "")).toEqual([]);
    expect(await pageText(page)).not.toContain(ACME.password);
  });

  it("the covered window was reached and refused at fill time, not skipped", async () => {
    const page = await freshGoto(h, h.fixtureUrl("hostile/below-fold-covered.html"));
    expect((await contentSettled(h, page, { fill: true })).lastFill).toBe("refused");
  });
});
