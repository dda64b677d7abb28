// IamOffice's own frames: a login window in a frame (iframe or <frameset>) whose document and
// every ancestor up to the tab's top are https://soft.iamoffice.net is filled. Any foreign
// ancestor and the frame gets nothing: its content script never even starts (no marker). The
// background decides from the browser's frame tree (src/background/frames.ts).
import type { Frame, Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { EVIL_HOST, contentScriptMarker, describeEachBrowser, waitForLoadSettled } from "./harness";
import { contentSettled, extensionHadItsChance, freshGoto } from "./flows";
import { ACME, allFramesText, inputValues, seedVault, until } from "./adversarial-flows";
import { expectedFieldValuesEventually } from "./page-probes";

const CREDENTIALS = {
  workspace: ACME.workspace,
  identifier: ACME.identifier,
  password: ACME.password,
};
const LOGIN_PATH = "/fixtures/login/label-for.html";

/** The frame of `page` showing the login fixture on `host`. */
function loginFrame(page: Page, host = "soft.iamoffice.net"): Promise<Frame> {
  return until(`the login frame on ${host}`, () =>
    page.frames().find((f) => f.url() === `https://${host}${LOGIN_PATH}`),
  );
}

describeEachBrowser("IamOffice's own frames", (h) => {
  it("fills the login window in a same-origin iframe", async () => {
    await seedVault(h);
    const page = await freshGoto(h, h.fixtureUrl("frames/iframe.html"));
    const frame = await loginFrame(page);
    expect(await expectedFieldValuesEventually(frame, CREDENTIALS)).toEqual(CREDENTIALS);
    expect((await contentSettled(h, page)).lastFill).toBe("filled");
    expect(await contentScriptMarker(frame)).toBe("ready");
  });

  it("fills the login window in a <frameset> frame, and leaves the banner frame alone", async () => {
    const page = await freshGoto(h, h.fixtureUrl("frames/frameset.html"));
    const frame = await loginFrame(page);
    expect(await expectedFieldValuesEventually(frame, CREDENTIALS)).toEqual(CREDENTIALS);
    expect((await contentSettled(h, page)).state).toBe("login");
  });

  it(`fills nothing when ${EVIL_HOST} frames that IamOffice page: no script starts in its frames`, async () => {
    const src = h.fixtureUrl("frames/iframe.html");
    const page = await freshGoto(h, `https://${EVIL_HOST}/frame?src=${encodeURIComponent(src)}`);
    const middle = await until("the IamOffice frame", () =>
      page.frames().find((f) => f.url() === src),
    );
    const inner = await loginFrame(page);
    await waitForLoadSettled(inner, 0);
    await extensionHadItsChance(h);
    expect(await inputValues(inner)).toEqual(["", "", ""]);
    expect(await contentScriptMarker(inner)).toBeNull();
    expect(await contentScriptMarker(middle)).toBeNull();
    expect(await allFramesText(page)).not.toContain(ACME.password);
  });

  it(`fills nothing in IamOffice framing ${EVIL_HOST} framing IamOffice`, async () => {
    const page = await freshGoto(h, h.fixtureUrl("frames/foreign-middle.html"));
    const inner = await loginFrame(page);
    await waitForLoadSettled(inner, 0);
    await extensionHadItsChance(h);
    expect(await inputValues(inner)).toEqual(["", "", ""]);
    expect(await contentScriptMarker(inner)).toBeNull();
    expect(await allFramesText(page)).not.toContain(ACME.password);
  });
});
