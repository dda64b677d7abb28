// "Copy a detection report" from the popup: a plain-text outline of the login window as the
// extension sees it (tags, types, the texts naming the fields, what was taken for what and
// why, the detection version). It holds no value: not what the user typed, not a saved secret.
import { expect, it } from "vitest";
import { clickButton, describeEachBrowser, findByLabel } from "./harness";
import { contentSettled, freshGoto } from "./flows";
import { ACME, seedVault, until } from "./adversarial-flows";
import { openPopup, waitForText } from "./ui-flows";

const TYPED = "typed-by-user-7Qx";

describeEachBrowser("detection report", (h) => {
  it("outlines the login window and what was taken for what, with no value in it", async () => {
    await seedVault(h);
    const page = await freshGoto(h, h.fixtureUrl("login/label-for.html"));
    expect((await contentSettled(h, page)).lastFill).toBe("filled");
    // The user types over the filled identifier.
    await page.click("#f1", { count: 3 });
    await page.keyboard.type(TYPED);
    expect(await page.$eval("#f1", (el) => (el as HTMLInputElement).value)).toBe(TYPED);

    const popup = await openPopup(h, page);
    await waitForText(popup, "Copy a detection report");
    await clickButton(popup, "Copy a detection report");
    const report = await until("the report", async () => {
      const field = await findByLabel(popup, "Detection report");
      const text = await field?.evaluate((el) => (el as HTMLTextAreaElement).value);
      await field?.dispose();
      return text;
    });
    expect(report).toContain("Detection version:");
    expect(report).toContain("Page: https://soft.iamoffice.net/fixtures/login/label-for.html");
    expect(report).toMatch(
      /workspace ← input type=text id="f2".*label="Espace de travail".*by its <label>/,
    );
    expect(report).toMatch(/password ← input type=password id="f3"/);
    expect(report).toMatch(/submit ← button/);
    for (const secret of [TYPED, ACME.password, ACME.identifier]) {
      expect(report).not.toContain(secret);
    }
  });
});
