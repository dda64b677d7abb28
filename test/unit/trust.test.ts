import { describe, expect, it } from "vitest";
import type { Runtime } from "webextension-polyfill";
import { classifySender } from "../../src/background/trust";

const EXT = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";
const ID = "abcdefghijklmnopabcdefghijklmnop";
const SELF = { id: ID, origin: EXT };
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
    expect(classifySender({ id: ID, url: `${EXT}/popup/index.html` }, SELF)).toBe("page");
    expect(
      classifySender(
        {
          id: ID,
          url: `${EXT}/options/index.html`,
          tab: tab(`${EXT}/options/index.html`),
          frameId: 0,
        },
        SELF,
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
    expect(classifySender(ok, SELF)).toBe("content");
    expect(classifySender({ ...ok, frameId: 3 }, SELF)).toBeNull();
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
    expect(classifySender({ id: ID, url, tab: tab(url), frameId: 0 }, SELF)).toBeNull();
  });

  it("refuses when the frame and the tab disagree (navigation race)", () => {
    expect(
      classifySender(
        { id: ID, url: "https://evil.test/", tab: tab("https://soft.iamoffice.net/"), frameId: 0 },
        SELF,
      ),
    ).toBeNull();
  });

  it("refuses other extensions and web pages, whatever URL they claim", () => {
    expect(
      classifySender({ id: "otherextensionid", url: `${EXT}/popup/index.html` }, SELF),
    ).toBeNull();
    expect(classifySender({ url: "https://evil.test/" }, SELF)).toBeNull();
    expect(classifySender({ id: ID, url: "https://evil.test/" }, SELF)).toBeNull();
  });

  it("Firefox: the gecko id is the sender id while the origin holds a per-profile uuid", () => {
    const self = {
      id: "iamoffice-login@iamoffice-login.invalid",
      origin: "moz-extension://0b4c2b1e-7f3a-4a57-9d1e-3c4f5a6b7c8d",
    };
    expect(classifySender({ id: self.id, url: `${self.origin}/popup/index.html` }, self)).toBe(
      "page",
    );
    const url = "https://soft.iamoffice.net/";
    expect(classifySender({ id: self.id, url, tab: tab(url), frameId: 0 }, self)).toBe("content");
    expect(classifySender({ id: "other@ext", url, tab: tab(url), frameId: 0 }, self)).toBeNull();
  });

  it("refuses a content sender without a tab id", () => {
    const url = "https://soft.iamoffice.net/";
    expect(
      classifySender({ id: ID, url, tab: { ...tab(url)!, id: undefined }, frameId: 0 }, SELF),
    ).toBeNull();
  });
});
