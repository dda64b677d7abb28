// Where the content script runs, in real browsers, with the real manifest match patterns.
// The assertion reads the marker the content script sets today
// (`<html data-iamoffice-login="ready">`, see src/content/index.ts).
import { expect, it } from "vitest";
import {
  EVIL_HOST,
  IAMOFFICE_URL,
  LOOKALIKE_HOSTS,
  contentScriptMarker,
  describeEachBrowser,
  waitForLoadSettled,
} from "./harness";

describeEachBrowser("content script injection", (h) => {
  it("has the IamOffice host permission right after install", async () => {
    expect(await h.hasHostPermission()).toBe(true);
  });

  it("runs on the demo login page at https://soft.iamoffice.net/", async () => {
    const page = await h.goto(IAMOFFICE_URL);
    await page.waitForFunction(() => document.documentElement.dataset.iamofficeLogin, {
      timeout: 10_000,
    });
    expect(await contentScriptMarker(page)).toBe("ready");
    // The page under the script really is the demo, on the default port.
    expect(await page.evaluate(() => [location.origin, document.title])).toEqual([
      "https://soft.iamoffice.net",
      "IamOffice",
    ]);
  });

  const elsewhere = [
    `https://${LOOKALIKE_HOSTS.suffix}/`,
    `https://${LOOKALIKE_HOSTS.hyphen}/`,
    `https://${LOOKALIKE_HOSTS.subdomain}/`,
    `https://${LOOKALIKE_HOSTS.parent}/`,
    `https://${LOOKALIKE_HOSTS.punycode}/`,
    "http://soft.iamoffice.net/",
  ];
  it.each(elsewhere)("does not run on %s", async (url) => {
    const page = await h.goto(url);
    await waitForLoadSettled(page);
    // Same demo, same page: only the address differs (and it was not upgraded to https).
    expect(await page.evaluate(() => [location.href, document.title])).toEqual([url, "IamOffice"]);
    expect(await contentScriptMarker(page)).toBeNull();
  });

  it(`does not run in a soft.iamoffice.net frame inside https://${EVIL_HOST}/`, async () => {
    const page = await h.goto(`https://${EVIL_HOST}/frame`);
    const frame = page.frames().find((f) => f.url() === IAMOFFICE_URL);
    expect(frame, "the IamOffice frame").toBeDefined();
    if (!frame) return;
    await waitForLoadSettled(frame);
    expect(await frame.evaluate(() => document.title)).toBe("IamOffice");
    expect(await contentScriptMarker(frame)).toBeNull();
    expect(await contentScriptMarker(page)).toBeNull();
  });
});
