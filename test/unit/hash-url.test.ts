import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseRescueText } from "../../options/rescue-parse";
import {
  parseIamOfficeUrl,
  parseVendorFragment,
  readIamOfficePassword,
  readVendorPassword,
  splitBookmarkList,
  stripPassword,
} from "../../src/hash-url";

/** Any UTF-16 string, lone surrogates included (what a page or a paste can really hold). */
const utf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
});
/** Strings made of the pieces the parsers care about, so odd combinations come up often. */
const fragmentish = fc.string({
  unit: fc.constantFrom(
    ...["#", "&", "=", "%", "%2", "%C3", "%A9", "%26", "%3D", "+", " ", "\n", ",", "@", ":", "/"],
    ...["a", "É", "login", "LOGIN", "password", "PassWord", "https://", "http://", "?"],
    ...["soft.iamoffice.net", "SOFT.IamOffice.NET", ".evil.test", ":8443", "\u0000"],
  ),
});
/** Addresses shaped like the vendor's, with passwords spelled every way the parser accepts. */
const bookmarkish = fc
  .tuple(
    fc.constantFrom("", "https://", "http://", "https://u:p@", "HTTPS://"),
    fc.constantFrom("soft.iamoffice.net", "SOFT.iamoffice.net:443", "evil.test"),
    fc.constantFrom("", "/", "/app?password=q"),
    fc.array(
      fc.oneof(
        fragmentish,
        fc.constantFrom("ACME", "login=bob", "LOGIN=%62ob", "password=pw", "PASSWORD=%70w"),
        fc.constantFrom("pass%77ord=pw", "password=", "password=a#b", "&", ""),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([scheme, host, path, parts]) => `${scheme}${host}${path}#${parts.join("&")}`);
const anyText = fc.oneof(fc.string({ unit: "binary" }), utf16, fragmentish);
/** A non-blank value that encodeURIComponent accepts (no lone surrogate). */
const value = fc.string({ unit: "binary", minLength: 1 }).filter((s) => s.trim() !== "");
const noMark = value.filter((s) => !s.includes("§"));

describe("parseVendorFragment", () => {
  it("reads the three forms of the vendor's shortcut", () => {
    expect(parseVendorFragment("#ESPACE")).toEqual({ workspace: "ESPACE", hasPassword: false });
    expect(parseVendorFragment("#ESPACE&login=jdupont")).toEqual({
      workspace: "ESPACE",
      identifier: "jdupont",
      hasPassword: false,
    });
    expect(parseVendorFragment("#ESPACE&login=jdupont&password=s3cret")).toEqual({
      workspace: "ESPACE",
      identifier: "jdupont",
      hasPassword: true,
      password: "s3cret",
    });
  });

  it("accepts the fragment without its leading #", () => {
    expect(parseVendorFragment("ACME&login=a")).toEqual({
      workspace: "ACME",
      identifier: "a",
      hasPassword: false,
    });
  });

  it("returns nothing for an empty fragment", () => {
    expect(parseVendorFragment("")).toEqual({ hasPassword: false });
    expect(parseVendorFragment("#")).toEqual({ hasPassword: false });
  });

  it("percent-decodes each value after splitting, so %26 and %3D stay inside it", () => {
    expect(parseVendorFragment("#Caf%C3%A9%20Lune&login=j%2Edupont&password=a%26b%3Dc%25")).toEqual(
      { workspace: "Café Lune", identifier: "j.dupont", hasPassword: true, password: "a&b=c%" },
    );
  });

  it("keeps a malformed percent sequence raw instead of throwing", () => {
    expect(parseVendorFragment("#ACME&login=100%&password=%E9t%zz")).toEqual({
      workspace: "ACME",
      identifier: "100%",
      hasPassword: true,
      password: "%E9t%zz",
    });
  });

  it("keeps + literal everywhere (a fragment is not a form body)", () => {
    expect(parseVendorFragment("#A+B&login=x+y&password=p+q%2B")).toEqual({
      workspace: "A+B",
      identifier: "x+y",
      hasPassword: true,
      password: "p+q+",
    });
  });

  it("reads keys case-insensitively and returns the workspace as written", () => {
    expect(parseVendorFragment("#AcMe&LOGIN=Bob&PassWord=x")).toEqual({
      workspace: "AcMe",
      identifier: "Bob",
      hasPassword: true,
      password: "x",
    });
  });

  it("ignores unknown keys, empty parts and later bare parts", () => {
    expect(parseVendorFragment("#&&ACME&&lang=fr&login=bob&&extra&")).toEqual({
      workspace: "ACME",
      identifier: "bob",
      hasPassword: false,
    });
  });

  it("takes the first occurrence of a repeated key", () => {
    expect(parseVendorFragment("#A&login=first&login=second").identifier).toBe("first");
  });

  it("has no workspace when the first part is a key", () => {
    expect(parseVendorFragment("#login=bob")).toEqual({ identifier: "bob", hasPassword: false });
  });

  it("treats empty values as absent; trims workspace and identifier, never the password", () => {
    expect(parseVendorFragment("#%20&login=&password=")).toEqual({ hasPassword: false });
    expect(parseVendorFragment("# ACME &login=%20bob%20&password=%20pw%20")).toEqual({
      workspace: "ACME",
      identifier: "bob",
      hasPassword: true,
      password: " pw ",
    });
  });

  it("never throws, on any string", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseVendorFragment(s);
        expect(r.hasPassword).toBe(r.password !== undefined);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips any workspace / identifier / password encoded with encodeURIComponent", () => {
    fc.assert(
      fc.property(value, value, value, (workspace, identifier, password) => {
        const hash =
          `#${encodeURIComponent(workspace)}&login=${encodeURIComponent(identifier)}` +
          `&password=${encodeURIComponent(password)}`;
        expect(parseVendorFragment(hash)).toEqual({
          workspace: workspace.trim(),
          identifier: identifier.trim(),
          hasPassword: true,
          password,
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("readVendorPassword", () => {
  it("reads the vendor's own forms exactly", () => {
    expect(readVendorPassword("#ACME&login=bob&password=s3cret")).toEqual({
      kind: "exact",
      password: "s3cret",
    });
    expect(readVendorPassword("#ACME&password=a%26b&login=bob")).toEqual({
      kind: "exact",
      password: "a&b",
    });
    expect(readVendorPassword("#ACME&lang=fr&login=bob&password=x")).toEqual({
      kind: "exact",
      password: "x",
    });
    expect(readVendorPassword("#ACME&login=bob")).toEqual({ kind: "none" });
    expect(readVendorPassword("#ACME&login=bob&password=")).toEqual({ kind: "none" });
  });

  it("calls a raw & after the password ambiguous, offering both readings, shortest first", () => {
    expect(readVendorPassword("#ACME&login=bob&password=Tr0ub&dor=4x")).toEqual({
      kind: "ambiguous",
      candidates: ["Tr0ub", "Tr0ub&dor=4x"],
    });
  });

  it("stops the longer reading at the next part the parser reads", () => {
    expect(readVendorPassword("#ACME&password=Tr0ub&dor=4x&login=bob")).toEqual({
      kind: "ambiguous",
      candidates: ["Tr0ub", "Tr0ub&dor=4x"],
    });
  });

  it("counts every kind of tail: bare parts, empty parts, repeated keys", () => {
    const tails: [string, string[]][] = [
      ["#A&login=b&password=p&q", ["p", "p&q"]],
      ["#A&login=b&password=p&&q", ["p", "p&&q"]],
      ["#A&login=b&password=p&", ["p", "p&"]],
      ["#A&login=b&password=p&password=q", ["p", "p&password=q"]],
      ["#A&login=b&password=p&login=c", ["p", "p&login=c"]],
      ["#A&login=b&password=&x", ["&x"]],
    ];
    for (const [hash, candidates] of tails) {
      expect(readVendorPassword(hash), hash).toEqual({ kind: "ambiguous", candidates });
    }
  });

  it("decodes each piece of the longer reading like the parser does", () => {
    expect(readVendorPassword("#A&login=b&password=%C3%A9t%C3%A9&x%26y&%zz")).toEqual({
      kind: "ambiguous",
      candidates: ["été", "été&x&y&%zz"],
    });
  });

  it("reads addresses like parseIamOfficeUrl, refusing the same ones", () => {
    expect(readIamOfficePassword("soft.iamoffice.net#A&login=b&password=x#y&z")).toEqual({
      kind: "ambiguous",
      candidates: ["x#y", "x#y&z"],
    });
    expect(readIamOfficePassword("https://soft.iamoffice.net.evil.test/#A&password=x")).toBeNull();
  });

  it("always agrees with the parser: its reading is the exact one or the first candidate", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, bookmarkish), (s) => {
        const parsed = parseIamOfficeUrl(s);
        const read = readIamOfficePassword(s);
        expect(read === null).toBe(parsed === null);
        if (!parsed || !read) return;
        if (read.kind === "exact") expect(read.password).toBe(parsed.password);
        if (read.kind === "none") expect(parsed.hasPassword).toBe(false);
        if (read.kind === "ambiguous") {
          expect(read.candidates.length).toBeGreaterThan(0);
          if (parsed.hasPassword) expect(read.candidates[0]).toBe(parsed.password);
          expect(new Set(read.candidates).size).toBe(read.candidates.length);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("is exact for any password written the way browsers encode it", () => {
    fc.assert(
      fc.property(
        value,
        value,
        value,
        fc.boolean(),
        (workspace, identifier, password, loginLast) => {
          const w = encodeURIComponent(workspace);
          const l = `login=${encodeURIComponent(identifier)}`;
          const p = `password=${encodeURIComponent(password)}`;
          const hash = `#${w}&${loginLast ? `${p}&${l}` : `${l}&${p}`}`;
          expect(readVendorPassword(hash)).toEqual({ kind: "exact", password });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("splitBookmarkList", () => {
  it("gives the tokens the rescue parses, with their lines", () => {
    const text = "soft.iamoffice.net#A&password=x&y\n\nsoft.iamoffice.net#B, https://evil.test";
    expect(splitBookmarkList(text)).toEqual([
      { line: 1, token: "soft.iamoffice.net#A&password=x&y" },
      { line: 3, token: "soft.iamoffice.net#B" },
      { line: 3, token: "https://evil.test" },
    ]);
    expect(parseRescueText(text).map((r) => r.line)).toEqual([1, 3, 3]);
  });
});

describe("parseIamOfficeUrl", () => {
  const hinted = { workspace: "ACME", identifier: "bob", hasPassword: false };

  it("reads https, http (old bookmarks) and scheme-less addresses", () => {
    expect(parseIamOfficeUrl("https://soft.iamoffice.net/#ACME&login=bob")).toEqual(hinted);
    expect(parseIamOfficeUrl("http://soft.iamoffice.net/#ACME&login=bob")).toEqual(hinted);
    expect(parseIamOfficeUrl("soft.iamoffice.net#ACME&login=bob")).toEqual(hinted);
    expect(parseIamOfficeUrl("  soft.iamoffice.net/#ACME&login=bob\n")).toEqual(hinted);
  });

  it("compares the host case-insensitively, tolerating an explicit default port", () => {
    expect(parseIamOfficeUrl("HTTPS://SOFT.IamOffice.Net/#ACME&login=bob")).toEqual(hinted);
    expect(parseIamOfficeUrl("https://soft.iamoffice.net:443/#ACME&login=bob")).toEqual(hinted);
    expect(parseIamOfficeUrl("soft.iamoffice.net:443#ACME&login=bob")).toEqual(hinted);
  });

  it("accepts any path, and an address without fragment", () => {
    expect(parseIamOfficeUrl("https://soft.iamoffice.net/app/index.php?x=1#ACME")).toEqual({
      workspace: "ACME",
      hasPassword: false,
    });
    expect(parseIamOfficeUrl("soft.iamoffice.net")).toEqual({ hasPassword: false });
  });

  it("keeps a raw # inside the password (everything after the first # is the fragment)", () => {
    expect(parseIamOfficeUrl("soft.iamoffice.net#A&login=b&password=x#y")?.password).toBe("x#y");
  });

  it("reads what the browser percent-encoded in the fragment", () => {
    expect(parseIamOfficeUrl("soft.iamoffice.net#Le Bon Coin&login=bob")?.workspace).toBe(
      "Le Bon Coin",
    );
  });

  it.each([
    "https://soft.iamoffice.net.evil.test/#ACME",
    "https://evil.soft.iamoffice.net/#ACME",
    "https://www.soft.iamoffice.net/#ACME",
    "https://iamoffice.net/#ACME",
    "https://soft-iamoffice.net/#ACME",
    "https://soft.iamoffice.net@evil.test/#ACME",
    "https://user:pw@soft.iamoffice.net/#ACME",
    "https://soft.iamoffice.net:8443/#ACME",
    "ftp://soft.iamoffice.net/#ACME",
    "file://soft.iamoffice.net/#ACME",
    "javascript:alert(1)//soft.iamoffice.net#ACME",
    "evil.test/soft.iamoffice.net#ACME",
    "https://xn--sft-iamoffice-ocb.net/#ACME",
    "",
    "   ",
    "https://",
  ])("refuses %j", (text) => {
    expect(parseIamOfficeUrl(text)).toBeNull();
  });

  it("never throws, and only accepts text whose URL host is exactly soft.iamoffice.net", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseIamOfficeUrl(s);
        if (r !== null) expect(s.toLowerCase()).toContain("soft.iamoffice.net");
      }),
      { numRuns: 500 },
    );
  });
});

describe("a pasted list of bookmarks, as the rescue reads it (parseRescueText)", () => {
  it("splits on newlines, spaces and commas and says which line each came from", () => {
    const text = [
      "https://soft.iamoffice.net/#ACME&login=bob&password=pw1",
      "",
      "soft.iamoffice.net#Beta, soft.iamoffice.net#Gamma&login=zoe  https://example.test/#x",
      "\tnot-a-url,",
    ].join("\r\n");
    const r = parseRescueText(text);
    expect(r).toEqual([
      {
        ok: true,
        line: 1,
        workspace: "ACME",
        identifier: "bob",
        password: "pw1",
        safeUrl: "https://soft.iamoffice.net/#ACME&login=bob",
      },
      {
        ok: true,
        line: 3,
        workspace: "Beta",
        identifier: undefined,
        safeUrl: "soft.iamoffice.net#Beta",
      },
      {
        ok: true,
        line: 3,
        workspace: "Gamma",
        identifier: "zoe",
        safeUrl: "soft.iamoffice.net#Gamma&login=zoe",
      },
      { ok: false, line: 3, safeText: "https://example.test/#x" },
      { ok: false, line: 4, safeText: "not-a-url" },
    ]);
  });

  it("keeps a comma that belongs to a password", () => {
    const r = parseRescueText("soft.iamoffice.net#A&login=b&password=x,y,z\nsoft.iamoffice.net#B");
    expect(r.map((x) => (x.ok ? x.password : x.safeText))).toEqual(["x,y,z", undefined]);
  });

  it("splits comma lists written without spaces, and ignores stray commas", () => {
    const r = parseRescueText(" , soft.iamoffice.net#A,,https://soft.iamoffice.net/#B , ");
    expect(r.map((x) => (x.ok ? x.workspace : x.safeText))).toEqual(["A", "B"]);
  });

  it("returns nothing for blank text", () => {
    expect(parseRescueText(" \n\t, \n")).toEqual([]);
  });

  it("never throws, never shows a password in a safe URL, and counts lines correctly", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const lines = s.split("\n").length;
        for (const r of parseRescueText(s)) {
          expect(r.line).toBeGreaterThanOrEqual(1);
          expect(r.line).toBeLessThanOrEqual(lines);
          if (r.ok) expect(parseIamOfficeUrl(r.safeUrl)?.hasPassword).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("stripPassword", () => {
  it("removes the password part and keeps workspace and login as written", () => {
    expect(stripPassword("https://soft.iamoffice.net/#ACME&login=j%2Edupont&password=pw")).toBe(
      "https://soft.iamoffice.net/#ACME&login=j%2Edupont",
    );
    expect(stripPassword("soft.iamoffice.net#ACME&PASSWORD=pw&LOGIN=bob")).toBe(
      "soft.iamoffice.net#ACME&LOGIN=bob",
    );
  });

  it("drops the # when only the password was there", () => {
    expect(stripPassword("https://soft.iamoffice.net/#password=pw")).toBe(
      "https://soft.iamoffice.net/",
    );
  });

  it("leaves an address without fragment alone", () => {
    expect(stripPassword("https://soft.iamoffice.net/app?x=1")).toBe(
      "https://soft.iamoffice.net/app?x=1",
    );
  });

  it("removes every password part, whatever its spelling", () => {
    const out = stripPassword("soft.iamoffice.net#A&password=one&pass%77ord=two&Password=three");
    expect(out).toBe("soft.iamoffice.net#A");
  });

  it("does not leave the tail of a password typed with a raw &", () => {
    expect(stripPassword("soft.iamoffice.net#A&login=b&password=ab&cd=ef&gh")).toBe(
      "soft.iamoffice.net#A&login=b",
    );
  });

  it("drops userinfo, another place a password hides", () => {
    expect(stripPassword("https://bob:hunter2@soft.iamoffice.net/#A")).toBe(
      "https://soft.iamoffice.net/#A",
    );
  });

  it("never leaves a password the parser would read, on any string", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, bookmarkish), (s) => {
        const out = stripPassword(s);
        const hashAt = out.indexOf("#");
        if (hashAt >= 0) expect(parseVendorFragment(out.slice(hashAt)).hasPassword).toBe(false);
        expect(parseIamOfficeUrl(out)?.hasPassword ?? false).toBe(false);
        expect(stripPassword(out)).toBe(out);
      }),
      { numRuns: 1000 },
    );
  });

  it("output holds no trace of the password and parses to the same workspace and identifier", () => {
    fc.assert(
      fc.property(
        noMark,
        noMark,
        value,
        fc.boolean(),
        (workspace, identifier, secret, loginFirst) => {
          const password = `§${secret}`;
          const w = encodeURIComponent(workspace);
          const l = `login=${encodeURIComponent(identifier)}`;
          const p = `password=${encodeURIComponent(password)}`;
          const url = `https://soft.iamoffice.net/#${w}&${loginFirst ? `${l}&${p}` : `${p}&${l}`}`;
          const out = stripPassword(url);
          // "§" (%C2%A7) marks the password: workspace and identifier are generated without it.
          expect(out).not.toContain(encodeURIComponent(password));
          expect(out).not.toContain("%C2%A7");
          expect(parseIamOfficeUrl(out)).toEqual({
            workspace: workspace.trim(),
            identifier: identifier.trim(),
            hasPassword: false,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
