// End to end on login-page variants (test/fixtures/login/, served from
// https://soft.iamoffice.net/fixtures/login/): each positive fixture is filled where its
// `data-expect` attributes say and its own submit handler accepts the values; each invisible,
// covered, read-only or foreign-action form stays empty. Unit tests check detection on the
// same files without layout; here the real browsers lay them out.
import { expect, it } from "vitest";
import { clickButton, contentScriptMarker, describeEachBrowser } from "./harness";
import { addWorkspace, contentSettled, createVault, freshGoto, type Workspace } from "./flows";
import {
  allInputValues,
  clickFixtureSubmit,
  expectedFieldValuesEventually,
  fixtureMeta,
  markupContains,
  submitted,
  submittedEventually,
} from "./page-probes";

const MASTER = "Six lutins peignent le phare 64";
// HTML-special characters and an accent: a framework must get them verbatim, and the
// markup check must see them even escaped.
const ENTRY: Workspace = {
  name: "Acme SARL",
  workspace: "acme-sarl",
  identifier: "jdupont",
  password: 'Mdp é"<&>-7342',
};
const CREDENTIALS = {
  workspace: ENTRY.workspace,
  identifier: ENTRY.identifier,
  password: ENTRY.password,
};

/** Variants a real page may take; every one is `<meta name="expect" content="login">`. */
const POSITIVE = [
  "label-for",
  "placeholder",
  "shadow-root",
  "dialog",
  "react-like",
  "disabled-submit",
  "late-insert",
  "logout-reinsert",
  "no-form",
];

/** Forms that must never be filled: invisible, covered, read-only, or posting elsewhere. */
const REFUSED = [
  "hidden-body-opacity",
  "hidden-clip-path",
  "hidden-display",
  "hidden-offscreen",
  "hidden-opacity",
  "hidden-opacity-chain",
  "hidden-tiny",
  "hidden-visibility",
  "hidden-workspace",
  "overlay",
  "readonly",
  "foreign-action",
];

describeEachBrowser("autofill on login-page variants", (h) => {
  it("setup: the fixtures declare what the tests assume", () => {
    for (const name of POSITIVE) expect(fixtureMeta(name), name).toBe("login");
    for (const name of REFUSED) {
      const verdict = fixtureMeta(name, "expect-layout") ?? fixtureMeta(name);
      expect(verdict, name).not.toBe("login");
    }
  });

  it("setup: creates the vault and saves one workspace in the options page", async () => {
    const options = await createVault(h, MASTER);
    await addWorkspace(options, ENTRY);
  });

  it.each(POSITIVE)(
    "fills %s.html where it expects, and its own submit handler receives the three values",
    async (name) => {
      const page = await freshGoto(h, h.fixtureUrl(`login/${name}.html`));
      expect(await expectedFieldValuesEventually(page, CREDENTIALS)).toEqual(CREDENTIALS);
      // Nothing else on the page got a value (e.g. the dialog fixture's "Note" field).
      const others = (await allInputValues(page)).filter((f) => !f.role && f.value !== "");
      expect(others).toEqual([]);
      expect(await markupContains(page, ENTRY.password)).toBe(false);
      // Not submitted by the extension (off by default): the user clicks.
      expect(await submitted(page)).toBeNull();
      await clickFixtureSubmit(page);
      expect(await submittedEventually(page)).toEqual(CREDENTIALS);
    },
  );

  it("logout-reinsert.html: the fresh form put back after Déconnexion is filled again", async () => {
    const page = await freshGoto(h, h.fixtureUrl("login/logout-reinsert.html"));
    expect(await expectedFieldValuesEventually(page, CREDENTIALS)).toEqual(CREDENTIALS);
    await clickFixtureSubmit(page);
    expect(await submittedEventually(page)).toEqual(CREDENTIALS);
    await page.evaluate(() => {
      (window as unknown as { __submitted: unknown }).__submitted = null;
    });
    await clickButton(page, "Déconnexion");
    expect(await expectedFieldValuesEventually(page, CREDENTIALS)).toEqual(CREDENTIALS);
    await clickFixtureSubmit(page);
    expect(await submittedEventually(page)).toEqual(CREDENTIALS);
  });

  it.each(REFUSED)("fills nothing into %s.html", async (name) => {
    const page = await freshGoto(h, h.fixtureUrl(`login/${name}.html`));
    // The content script runs here (right origin, top frame): only the form's state stops it.
    await page.waitForFunction(() => document.documentElement.dataset.iamofficeLogin, {
      timeout: 10_000,
    });
    expect(await contentScriptMarker(page)).toBe("ready");
    // The extension looked at the page and decided; only then is "nothing filled" a result.
    const settled = await contentSettled(h, page);
    expect(settled.lastFill ?? settled.state).not.toBe("filled");
    const inputs = await allInputValues(page);
    expect(inputs.length).toBeGreaterThanOrEqual(2);
    expect(inputs.filter((f) => f.value !== "")).toEqual([]);
    expect(await submitted(page)).toBeNull();
  });

  it("control: the vault stayed unlocked through the refusals (label-for.html is still filled)", async () => {
    const page = await freshGoto(h, h.fixtureUrl("login/label-for.html"));
    expect(await expectedFieldValuesEventually(page, CREDENTIALS)).toEqual(CREDENTIALS);
  });
});
