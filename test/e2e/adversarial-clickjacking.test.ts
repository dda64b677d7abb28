// Clickjacking and invisible forms, with REAL layout (happy-dom has none, so
// the unit tests stub geometry; here the browser decides what is covered, off-screen or faded).
// Every page is on https://soft.iamoffice.net, top frame, with a complete login window, and
// page-load autofill is on: only the visibility rules stand between the page and the secret.
import { readdirSync } from "node:fs";
import { expect, it } from "vitest";
import { describeEachBrowser } from "./harness";
import { contentSettled, freshGoto } from "./flows";
import { ACME, inputValues, pageText, seedVault, until } from "./adversarial-flows";

/** Existing refusal fixtures (test/fixtures/login/hidden-*.html, overlay.html): style and layout. */
const LOGIN_REFUSALS = readdirSync("test/fixtures/login")
  .filter((f) => /^hidden-.*\.html$/.test(f) || f === "overlay.html")
  .filter((f) => f !== "hidden-workspace.html") // one hidden field among visible ones: below
  .sort();
/** Hostile pages added for this suite (test/fixtures/hostile/), each saying what it proves. */
const HOSTILE_STATIC = [
  "html-opacity-zero.html",
  "html-opacity-low.html",
  "form-opacity-low.html",
  "clip-rect.html",
  "opaque-cover.html",
  "cover-specific.html",
  "cover-layered.html",
  "cover-inline-important.html",
  "cover-pseudo.html",
  "cover-inert.html",
  "cover-corners.html",
  "cover-nested.html",
  "cover-scope.html",
  "cover-keyframes.html",
  "cover-script-animation.html",
  "cover-inherited.html",
  "cover-inline-script.html",
  "cover-svg-attribute.html",
];

describeEachBrowser("adversarial: clickjacking and invisible fields", (h) => {
  it("fills a plain visible login window (positive control)", async () => {
    await seedVault(h);
    const page = await freshGoto(h, h.fixtureUrl("login/label-for.html"));
    const values = await until("the fill", async () => {
      const v = await inputValues(page);
      return v.includes(ACME.password) ? v : null;
    });
    expect(values.sort()).toEqual([ACME.identifier, ACME.password, ACME.workspace].sort());
  });

  it.each([
    ...LOGIN_REFUSALS.map((f) => `login/${f}`),
    ...HOSTILE_STATIC.map((f) => `hostile/${f}`),
  ])("fills nothing in %s", async (fixture) => {
    const page = await freshGoto(h, h.fixtureUrl(fixture));
    const settled = await contentSettled(h, page);
    expect(settled.lastFill ?? settled.state).not.toBe("filled");
    const values = await inputValues(page);
    expect(values.length, "the page has its login fields").toBeGreaterThanOrEqual(3);
    expect(values.filter((v) => v !== "")).toEqual([]);
    expect(await pageText(page)).not.toContain(ACME.password);
  });

  it("fills nothing in a window whose workspace field alone is hidden (login/hidden-workspace.html)", async () => {
    const page = await freshGoto(h, h.fixtureUrl("login/hidden-workspace.html"));
    expect((await contentSettled(h, page)).lastFill).not.toBe("filled");
    expect(await pageText(page)).not.toContain(ACME.password);
  });

  it("a refocus loop never gets anything into its invisible decoy field", async () => {
    const page = await freshGoto(h, h.fixtureUrl("hostile/refocus-loop.html"));
    await contentSettled(h, page);
    const { decoy, active } = await page.evaluate(() => ({
      decoy: (window as unknown as { __decoy(): string }).__decoy(),
      active: document.activeElement?.id,
    }));
    // The loop really ran (focus sits in the decoy) and the decoy stayed empty.
    expect(active).toBe("decoy");
    expect(decoy).toBe("");
    // Whatever was filled went into the visible fields, and the password only into its own.
    const fields = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll("input")].map((i) => [i.id, i.value] as const),
      ),
    );
    for (const [id, value] of Object.entries(fields)) {
      if (value === ACME.password) expect(id).toBe("pw");
    }
  });

  it.each(["hostile/offscreen-on-fill.html", "hostile/faded-on-fill.html"])(
    "stops filling when the page hides the form once the fill has started (%s): the password never lands in a hidden field",
    async (fixture) => {
      const page = await freshGoto(h, h.fixtureUrl(fixture));
      // The extension saw the window, started the fill, and gave it up.
      expect((await contentSettled(h, page, { fill: true })).lastFill).toBe("refused");
      const state = await page.evaluate(() => {
        const w = window as unknown as { __seen: string[]; __submitted: unknown };
        const form = document.getElementById("f");
        return {
          seen: w.__seen,
          submitted: w.__submitted,
          password: (document.getElementById("pw") as HTMLInputElement).value,
          hidden:
            getComputedStyle(document.documentElement).opacity === "0" ||
            (form?.getBoundingClientRect().right ?? 1) < 0,
        };
      });
      // The page did hide the form: the extension started the fill.
      expect(state.hidden, "the page reacted to the start of the fill").toBe(true);
      expect(state.password).toBe("");
      expect(state.seen.join("\n")).not.toContain(ACME.password);
      expect(state.submitted).toBeNull();
    },
  );
});
