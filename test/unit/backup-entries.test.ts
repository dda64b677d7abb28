import { describe, expect, it } from "vitest";
import { validateEntries, validateEntry } from "../../src/entries/rules";

const good = {
  id: "e1",
  name: "",
  workspace: "ACME",
  identifier: "bob",
  password: "pâte à crêpes 🥞",
  createdAt: 1,
  updatedAt: 2,
  lastUsedAt: null,
};

describe("backup entry validation", () => {
  it("accepts a well-formed entry and rebuilds it without extra keys", () => {
    const withExtra: unknown = JSON.parse(
      JSON.stringify({ ...good, extra: 1 }).replace("}", ',"__proto__":{"x":1}}'),
    );
    const entry = validateEntry(withExtra);
    expect(entry).toEqual(good);
    expect(Object.keys(entry!)).not.toContain("extra");
    expect(Object.getPrototypeOf(entry)).toBe(Object.prototype);
  });

  it("keeps readable what earlier versions let a backup bring in (1,000 units in any field)", () => {
    // Input is held to 200 units for the name, workspace and identifier; an entry a vault or a
    // backup already holds must never become unreadable because that rule is stricter.
    const long = { ...good, name: "n".repeat(1000), workspace: "W".repeat(500) };
    expect(validateEntry(long)).toEqual(long);
  });

  it("accepts a last-used date", () => {
    expect(validateEntry({ ...good, lastUsedAt: 5 })).toEqual({ ...good, lastUsedAt: 5 });
  });

  it.each([
    ["missing workspace", { workspace: undefined }],
    ["empty workspace", { workspace: "" }],
    ["missing identifier", { identifier: undefined }],
    ["numeric identifier", { identifier: 42 }],
    ["missing password", { password: undefined }],
    ["empty password", { password: "" }],
    ["password as array", { password: ["a"] }],
    ["NUL in the workspace", { workspace: "AC\u0000ME" }],
    ["newline in the identifier", { identifier: "bob\nadmin" }],
    ["tab in the password", { password: "a\tb" }],
    ["C1 control in the name", { name: "x\u0085y" }],
    ["DEL in the password", { password: "abc\u007f" }],
    ["lone surrogate", { password: "ab\ud800" }],
    ["huge field", { name: "x".repeat(1001) }],
    ["missing id", { id: undefined }],
    ["date as string", { createdAt: "1" }],
    ["negative date", { updatedAt: -1 }],
    ["fractional date", { createdAt: 1.5 }],
    ["lastUsedAt missing", { lastUsedAt: undefined }],
  ])("refuses %s", (_, patch) => {
    expect(validateEntry({ ...good, ...patch })).toBeNull();
  });

  it("refuses the whole list for one bad entry, a duplicate id, or a non-array", () => {
    expect(validateEntries([good, { ...good, id: "e2" }])).toHaveLength(2);
    expect(validateEntries([good, { ...good, id: "e2", password: "" }])).toBeNull();
    expect(validateEntries([good, good])).toBeNull();
    expect(validateEntries({ 0: good })).toBeNull();
    expect(validateEntries(null)).toBeNull();
  });
});
