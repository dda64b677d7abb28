// Which page loads may choose the saved account (src/navigation.ts), and what a load gets when
// it may not (src/entries/choice.ts, pickEntryForLoad).
import { describe, expect, it } from "vitest";
import { accountHint, isUserNavigation } from "../../src/navigation";
import { pickEntryForLoad } from "../../src/entries/choice";
import type { EntrySummary } from "../../src/protocol";

const URL_BETA = "https://soft.iamoffice.net/#BETA&login=bob&password=secret";

describe("isUserNavigation", () => {
  it.each([
    ["typed", []],
    ["auto_bookmark", []],
    ["generated", []],
    ["keyword", []],
    ["start_page", []],
    ["auto_toplevel", []],
    ["link", ["from_address_bar"]],
    ["typed", ["server_redirect"]],
  ])(
    "trusts %s %j (the browser's UI or another application)",
    (transitionType, transitionQualifiers) => {
      expect(isUserNavigation({ url: URL_BETA, transitionType, transitionQualifiers })).toBe(true);
    },
  );

  it.each([
    ["link", []], // a link: maybe the page's own
    ["link", ["client_redirect"]], // location.replace() by a page script
    ["reload", []], // reloads whatever address the page wrote
    ["form_submit", []],
    ["typed", ["forward_back"]], // back to an entry the page may have pushed
    ["typed", ["client_redirect"]],
    ["auto_subframe", []],
    [undefined, undefined],
  ])("does not trust %s %j", (transitionType, transitionQualifiers) => {
    expect(
      isUserNavigation({
        url: URL_BETA,
        ...(transitionType ? { transitionType } : {}),
        ...(transitionQualifiers ? { transitionQualifiers } : {}),
      }),
    ).toBe(false);
  });
});

describe("accountHint", () => {
  it("keeps the workspace and identifier, never the password", () => {
    const hint = accountHint({ url: URL_BETA, transitionType: "typed" });
    expect(hint).toEqual({ workspace: "BETA", identifier: "bob", trusted: true });
    expect(JSON.stringify(hint)).not.toContain("secret");
  });

  it("is empty without a fragment, and for a malformed URL", () => {
    expect(accountHint({ url: "https://soft.iamoffice.net/", transitionType: "typed" })).toEqual({
      trusted: true,
    });
    expect(accountHint({ url: "not a url", transitionType: "link" })).toEqual({ trusted: false });
  });
});

describe("pickEntryForLoad", () => {
  let seq = 0;
  const entry = (over: Partial<EntrySummary>): EntrySummary => ({
    id: `id-${++seq}`,
    name: "",
    workspace: "ACME",
    identifier: "anne",
    createdAt: 0,
    updatedAt: 0,
    lastUsedAt: null,
    ...over,
  });
  const acme = entry({ workspace: "ACME", identifier: "anne", lastUsedAt: 50 });
  const beta = entry({ workspace: "BETA", identifier: "bob", lastUsedAt: 10 });
  const all = [acme, beta];

  it("a trusted hint picks the account it names", () => {
    expect(pickEntryForLoad(all, { workspace: "beta", identifier: "bob", trusted: true })).toEqual({
      entry: beta,
    });
  });

  it("an untrusted hint naming another saved account picks nothing and asks the user", () => {
    expect(pickEntryForLoad(all, { workspace: "BETA", identifier: "bob", trusted: false })).toEqual(
      {
        ask: true,
      },
    );
    expect(pickEntryForLoad(all, { identifier: "bob", trusted: false })).toEqual({ ask: true });
  });

  it("an untrusted hint that agrees with the default, or names nobody saved, gets the default", () => {
    expect(pickEntryForLoad(all, { workspace: "acme", trusted: false })).toEqual({ entry: acme });
    expect(pickEntryForLoad(all, { workspace: "GAMMA", trusted: false })).toEqual({ entry: acme });
  });

  it("no hint: the default entry; none when there is no obvious one", () => {
    expect(pickEntryForLoad(all, { trusted: false })).toEqual({ entry: acme });
    const a = entry({ lastUsedAt: null });
    const b = entry({ workspace: "BETA", lastUsedAt: null });
    expect(pickEntryForLoad([a, b], { trusted: true })).toEqual({ ask: false });
    expect(pickEntryForLoad([a, b], { workspace: "BETA", trusted: false })).toEqual({ ask: true });
  });
});
