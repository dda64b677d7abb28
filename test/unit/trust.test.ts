import { describe, expect, it } from "vitest";
import type { Runtime } from "webextension-polyfill";
import { classifySender } from "../../src/background/trust";

const EXT = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";
const ID = "abcdefghijklmnopabcdefghijklmnop";
const tab = (url: string) =>
  ({
    id: 7,
    url,
    index: 0,
    highlighted: false,
    active: true,
    pinned: false,
    incognito: false,
  }) as Runtime.MessageSender["tab"];

describe("classifySender", () => {
  it("trusts our popup (no tab) and our options page in a tab", () => {
    expect(classifySender({ id: ID, url: `${EXT}/popup/index.html` }, EXT)).toBe("page");
    expect(
      classifySender(
        {
          id: ID,
          url: `${EXT}/options/index.html`,
          tab: tab(`${EXT}/options/index.html`),
          frameId: 0,
        },
        EXT,
      ),
    ).toBe("page");
  });

  it("accepts the content script only in the top frame of exactly https://soft.iamoffice.net", () => {
    const ok = {
      id: ID,
      url: "https://soft.iamoffice.net/#ACME",
      tab: tab("https://soft.iamoffice.net/#ACME"),
      frameId: 0,
    };
    expect(classifySender(ok, EXT)).toBe("content");
    expect(classifySender({ ...ok, frameId: 3 }, EXT)).toBeNull();
  });

  it.each([
    "http://soft.iamoffice.net/",
    "https://sub.soft.iamoffice.net/",
    "https://iamoffice.net/",
    "https://soft.iamoffice.net.evil.test/",
    "https://soft-iamoffice.net/",
    "https://soft.iamoffice.net:8443/",
    "https://user@soft.iamoffice.net/",
    "https://xn--sft-iamoffice-vkb.net/",
    "data:text/html,hi",
    "about:blank",
  ])("refuses a content script on %s", (url) => {
    expect(classifySender({ id: ID, url, tab: tab(url), frameId: 0 }, EXT)).toBeNull();
  });

  it("refuses when the frame and the tab disagree (navigation race)", () => {
    expect(
      classifySender(
        { id: ID, url: "https://evil.test/", tab: tab("https://soft.iamoffice.net/"), frameId: 0 },
        EXT,
      ),
    ).toBeNull();
  });

  it("refuses other extensions and web pages, whatever URL they claim", () => {
    expect(
      classifySender({ id: "otherextensionid", url: `${EXT}/popup/index.html` }, EXT),
    ).toBeNull();
    expect(classifySender({ url: "https://evil.test/" }, EXT)).toBeNull();
    expect(classifySender({ id: ID, url: "https://evil.test/" }, EXT)).toBeNull();
  });
});
