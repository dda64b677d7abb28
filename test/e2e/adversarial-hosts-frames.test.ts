// The extension fills only exactly https://soft.iamoffice.net, in the top frame or in a frame
// that is IamOffice all the way up (test/e2e/frames.test.ts). A vault with one workspace is unlocked and page-load autofill is on
// (the default), so the real page IS filled (positive controls below) and any other host, scheme
// or frame showing the very same login window would be filled too if a check were missing.
import type { Page } from "puppeteer-core";
import { expect, it } from "vitest";
import {
  EVIL_HOST,
  IAMOFFICE_URL,
  LOOKALIKE_HOSTS,
  demoState,
  describeEachBrowser,
  waitForLoadSettled,
} from "./harness";
import {
  EMPTY_DEMO,
  contentSettled,
  extensionHadItsChance,
  demoExpected,
  demoValues,
  demoValuesEventually,
  freshGoto,
} from "./flows";
import { ACME, allFramesText, inputValues, seedVault, until } from "./adversarial-flows";
import { clickToLogIn } from "./ui-flows";

const SECRETS = [ACME.password];

/** Every page of the browser whose document is at `url` (Firefox's page.url() can be stale). */
async function pageAt(h: { browser: { pages(): Promise<Page[]> } }, url: string): Promise<Page> {
  return until(`a tab at ${url}`, async () => {
    for (const page of await h.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => "");
      if (href === url) return page;
    }
    return null;
  });
}

describeEachBrowser("adversarial: hosts and frames", (h) => {
  it("fills the real login window (positive control: the checks below can fail)", async () => {
    await seedVault(h);
    const page = await freshGoto(h, IAMOFFICE_URL);
    expect(await demoValuesEventually(page, demoExpected(ACME))).toEqual(demoExpected(ACME));
  });

  const elsewhere = [
    `http://soft.iamoffice.net/`,
    `https://${LOOKALIKE_HOSTS.subdomain}/`,
    `https://${LOOKALIKE_HOSTS.parent}/`,
    `https://${LOOKALIKE_HOSTS.suffix}/`,
    `https://${LOOKALIKE_HOSTS.hyphen}/`,
    `https://${LOOKALIKE_HOSTS.punycode}/`,
    `https://${LOOKALIKE_HOSTS.suffix}/#demo&login=marie.dupont`,
  ];
  it.each(elsewhere)("fills nothing at %s (same login window)", async (url) => {
    const page = await freshGoto(h, url);
    await extensionHadItsChance(h);
    expect(await page.evaluate(() => location.href)).toBe(url);
    // The demo prefills workspace and identifier from its own fragment (the vendor's shortcut);
    // the password, which only the extension knows, must stay empty.
    const prefilled = url.includes("#")
      ? { ...EMPTY_DEMO, "Espace de travail": ACME.workspace, Identifiant: ACME.identifier }
      : EMPTY_DEMO;
    expect(await demoValues(page)).toEqual(prefilled);
    const text = await allFramesText(page);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it(`fills nothing when ${EVIL_HOST} frames the real IamOffice page`, async () => {
    for (const src of [IAMOFFICE_URL, `${IAMOFFICE_URL}fixtures/login/label-for.html`]) {
      const page = await freshGoto(h, `https://${EVIL_HOST}/frame?src=${encodeURIComponent(src)}`);
      const frame = await until("the IamOffice frame", () =>
        page.frames().find((f) => f.url() === src),
      );
      await waitForLoadSettled(frame, 0);
      await extensionHadItsChance(h);
      expect((await inputValues(frame)).length, "the frame shows a login window").toBe(3);
      expect(await inputValues(frame)).toEqual(["", "", ""]);
      const text = await allFramesText(page);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });

  it("fills the IamOffice page's own window and its same-origin frame, but none of the other login forms in its frames (srcdoc, about:blank, data:, blob:, lookalike)", async () => {
    const page = await freshGoto(h, h.fixtureUrl("hostile/frames-in-login.html"));
    // Positive control: the top frame's window gets the workspace.
    await until("the top frame filled", async () =>
      (await inputValues(page.mainFrame())).includes(ACME.password),
    );
    const children = page.frames().filter((f) => f !== page.mainFrame());
    expect(children.length, "frames loaded").toBe(6);
    for (const frame of children) await waitForLoadSettled(frame, 0);
    // The top frame's fill is done, and frames load before their parent's load event.
    await contentSettled(h, page);
    for (const frame of children) {
      const values = await inputValues(frame);
      expect(values.length, `${frame.url()} shows a login form`).toBe(3);
      // IamOffice all the way up: filled like the top frame.
      if (frame.url().startsWith(IAMOFFICE_URL)) {
        const filled = await until(`${frame.url()} filled`, async () => {
          const v = await inputValues(frame);
          return v.includes(ACME.password) ? v : null;
        });
        expect(filled.sort()).toEqual([ACME.identifier, ACME.password, ACME.workspace].sort());
      } else expect(values, `${frame.url()} stays empty`).toEqual(["", "", ""]);
    }
  });

  it("one click from the popup over a lookalike tab logs in on the real host only", async () => {
    const evil = await freshGoto(h, `https://${LOOKALIKE_HOSTS.suffix}/`);
    // No IamOffice tab is open: the shared tab now shows the lookalike.
    const popup = await h.openPopup({ over: evil });
    await until("the entry in the popup", () =>
      popup.evaluate(() => document.body.innerText.includes("Acme SARL")),
    );
    await clickToLogIn(popup, /^Acme SARL\b/);
    const real = await pageAt(h, IAMOFFICE_URL);
    await real.waitForFunction(() => document.body.dataset.loggedIn === "1", { timeout: 15_000 });
    expect((await demoState(real)).submitted).toEqual({
      workspace: ACME.workspace,
      identifier: ACME.identifier,
      password: ACME.password,
    });
    expect(real).not.toBe(evil);
    expect(await demoValues(evil)).toEqual(EMPTY_DEMO);
    await real.close();
  });
});
