import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { EntrySummary } from "../../src/protocol";
import { pickEntryForPage } from "../../src/entries/choice";
import { displayName, sortEntries } from "../../src/entries/order";
import {
  MAX_LENGTH,
  findDuplicate,
  sameAccount,
  validateEntryInput,
} from "../../src/entries/rules";

const valid = { name: "Compta", workspace: "ACME", identifier: "jdupont", password: "pw" };

let seq = 0;
function entry(over: Partial<EntrySummary> = {}): EntrySummary {
  seq += 1;
  return {
    id: `id-${seq}`,
    name: "",
    workspace: "ACME",
    identifier: `user${seq}`,
    createdAt: 0,
    updatedAt: 0,
    lastUsedAt: null,
    ...over,
  };
}

describe("validateEntryInput", () => {
  it("accepts a complete entry, trimming everything but the password", () => {
    expect(
      validateEntryInput({
        name: "  Compta ",
        workspace: " ACME\t",
        identifier: "\njdupont ",
        password: "  pw with spaces  ",
      }),
    ).toEqual({
      ok: true,
      value: {
        name: "Compta",
        workspace: "ACME",
        identifier: "jdupont",
        password: "  pw with spaces  ",
      },
    });
  });

  it("makes the name optional (missing, null or blank) and drops unknown fields", () => {
    const { name: _n, ...rest } = valid;
    expect(validateEntryInput({ ...rest, id: "x", extra: 1 })).toEqual({
      ok: true,
      value: { ...rest, name: "" },
    });
    expect(validateEntryInput({ ...valid, name: null })).toMatchObject({ ok: true });
    expect(validateEntryInput({ ...valid, name: "   " })).toMatchObject({
      ok: true,
      value: { name: "" },
    });
  });

  it("reports every empty required field at once", () => {
    expect(validateEntryInput({ name: "", workspace: "  ", identifier: "", password: "" })).toEqual(
      { ok: false, fields: { workspace: "empty", identifier: "empty", password: "empty" } },
    );
    expect(validateEntryInput({})).toEqual({
      ok: false,
      fields: { workspace: "empty", identifier: "empty", password: "empty" },
    });
  });

  it("accepts a password made of spaces (never trimmed)", () => {
    expect(validateEntryInput({ ...valid, password: "   " })).toMatchObject({
      ok: true,
      value: { password: "   " },
    });
  });

  it.each([
    ["NUL", "\u0000"],
    ["newline", "\n"],
    ["tab", "\t"],
    ["DEL", "\u007f"],
    ["C1 NEL", "\u0085"],
    ["C1 CSI", "\u009b"],
  ])("refuses a %s inside any field", (_label, c) => {
    expect(
      validateEntryInput({
        name: `a${c}b`,
        workspace: `a${c}b`,
        identifier: `a${c}b`,
        password: `a${c}b`,
      }),
    ).toEqual({
      ok: false,
      fields: {
        name: "control_chars",
        workspace: "control_chars",
        identifier: "control_chars",
        password: "control_chars",
      },
    });
  });

  it("refuses a trailing newline pasted into the password (it is not trimmed)", () => {
    expect(validateEntryInput({ ...valid, password: "pw\n" })).toEqual({
      ok: false,
      fields: { password: "control_chars" },
    });
  });

  it("accepts accents and other printable characters just above C1", () => {
    expect(
      validateEntryInput({ ...valid, name: "Société Générale", password: "\u00a0é€😀" }),
    ).toMatchObject({ ok: true });
  });

  it("enforces the length limits, measured after trimming", () => {
    const at = (field: keyof typeof MAX_LENGTH, n: number) =>
      validateEntryInput({ ...valid, [field]: `  ${"x".repeat(n)}\t` });
    for (const field of ["name", "workspace", "identifier"] as const) {
      expect(at(field, MAX_LENGTH[field])).toMatchObject({ ok: true });
      expect(at(field, MAX_LENGTH[field] + 1)).toEqual({
        ok: false,
        fields: { [field]: "too_long" },
      });
    }
    expect(validateEntryInput({ ...valid, password: "x".repeat(1000) })).toMatchObject({
      ok: true,
    });
    expect(validateEntryInput({ ...valid, password: "x".repeat(1001) })).toEqual({
      ok: false,
      fields: { password: "too_long" },
    });
  });

  it("refuses non-string fields and non-object input", () => {
    expect(validateEntryInput({ ...valid, workspace: 42, name: ["x"], password: {} })).toEqual({
      ok: false,
      fields: { name: "not_string", workspace: "not_string", password: "not_string" },
    });
    const all = {
      ok: false,
      fields: { workspace: "not_string", identifier: "not_string", password: "not_string" },
    };
    for (const input of [null, undefined, "ACME", 3, [valid]]) {
      expect(validateEntryInput(input)).toEqual(all);
    }
  });

  it("does not read inherited fields", () => {
    expect(validateEntryInput(Object.create(valid))).toMatchObject({ ok: false });
  });

  it("never throws; whatever it accepts is trimmed, bounded and free of controls", () => {
    const field = fc.oneof(fc.string({ unit: "binary-ascii" }), fc.string(), fc.anything());
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ name: field, workspace: field, identifier: field, password: field }),
        ),
        (input) => {
          const r = validateEntryInput(input);
          if (!r.ok) return;
          for (const [key, v] of Object.entries<string>({ ...r.value })) {
            expect(v).not.toMatch(/\p{Cc}/u);
            expect(v.length).toBeLessThanOrEqual(MAX_LENGTH[key as keyof typeof MAX_LENGTH]);
            if (key !== "password") expect(v).toBe(v.trim());
          }
          expect(r.value.workspace).not.toBe("");
          expect(r.value.identifier).not.toBe("");
          expect(r.value.password).not.toBe("");
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("findDuplicate and sameAccount", () => {
  const a = entry({ id: "a", workspace: "ACME", identifier: "jdupont" });
  const b = entry({ id: "b", workspace: "Beta", identifier: "jdupont" });

  it("finds the same workspace (any case, spaces) with the exact identifier", () => {
    expect(findDuplicate([a, b], { workspace: " acme ", identifier: "jdupont " })).toBe(a);
    expect(findDuplicate([a, b], { workspace: "BETA", identifier: "jdupont" })).toBe(b);
  });

  it("treats a different identifier case as another account", () => {
    expect(findDuplicate([a, b], { workspace: "ACME", identifier: "JDupont" })).toBeUndefined();
  });

  it("matches a workspace typed with decomposed accents", () => {
    const c = entry({ workspace: "Société", identifier: "x" });
    expect(findDuplicate([c], { workspace: "socie\u0301te\u0301", identifier: "x" })).toBe(c);
  });

  it("skips the entry being edited", () => {
    expect(
      findDuplicate([a, b], { workspace: "ACME", identifier: "jdupont" }, "a"),
    ).toBeUndefined();
  });

  it("never calls an unknown side the same account", () => {
    expect(sameAccount({ workspace: "ACME" }, a)).toBe(false);
    expect(
      sameAccount({ workspace: " ", identifier: " " }, { workspace: " ", identifier: " " }),
    ).toBe(false);
    expect(sameAccount({ workspace: "acme", identifier: "jdupont" }, a)).toBe(true);
  });
});

describe("displayName", () => {
  it("uses the name, else the workspace", () => {
    expect(displayName({ name: "Compta", workspace: "ACME" })).toBe("Compta");
    expect(displayName({ name: "  ", workspace: "ACME" })).toBe("ACME");
  });
});

describe("sortEntries", () => {
  const names = (list: EntrySummary[]) => list.map(displayName);

  it("sorts by display name ignoring case and accents, numbers in numeric order", () => {
    const list = ["zoé", "Émile", "eric", "Client 10", "Client 2", "Alpha"].map((workspace) =>
      entry({ workspace }),
    );
    expect(names(sortEntries(list, "name", { locale: "fr" }))).toEqual([
      "Alpha",
      "Client 2",
      "Client 10",
      "Émile",
      "eric",
      "zoé",
    ]);
  });

  it("uses the name when there is one", () => {
    const list = [entry({ workspace: "AAA", name: "Zeta" }), entry({ workspace: "BBB" })];
    expect(names(sortEntries(list, "name", { locale: "en" }))).toEqual(["BBB", "Zeta"]);
  });

  it("by last use: most recent first, never used last (by name)", () => {
    const list = [
      entry({ workspace: "Never B" }),
      entry({ workspace: "Old", lastUsedAt: 100 }),
      entry({ workspace: "Never A" }),
      entry({ workspace: "Recent", lastUsedAt: 300 }),
      entry({ workspace: "Middle", lastUsedAt: 200 }),
    ];
    expect(names(sortEntries(list, "lastUsed", { locale: "en" }))).toEqual([
      "Recent",
      "Middle",
      "Old",
      "Never A",
      "Never B",
    ]);
  });

  it("does not modify its input", () => {
    const list = [entry({ workspace: "B" }), entry({ workspace: "A" })];
    const copy = [...list];
    sortEntries(list, "name");
    expect(list).toEqual(copy);
  });

  it("gives one order whatever the input order, even for equal names", () => {
    const pool = [
      entry({ workspace: "acme", identifier: "x", lastUsedAt: 5 }),
      entry({ workspace: "ACME", identifier: "y", lastUsedAt: 5 }),
      entry({ workspace: "Acmé", identifier: "x" }),
      entry({ workspace: "beta", name: "acme", identifier: "x" }),
      entry({ workspace: "B" }),
    ];
    for (const by of ["name", "lastUsed"] as const) {
      const reference = sortEntries(pool, by, { locale: "fr" }).map((e) => e.id);
      fc.assert(
        fc.property(fc.shuffledSubarray(pool, { minLength: pool.length }), (shuffled) => {
          expect(sortEntries(shuffled, by, { locale: "fr" }).map((e) => e.id)).toEqual(reference);
        }),
      );
    }
  });
});

describe("pickEntryForPage", () => {
  const acmeOld = entry({ id: "acme-old", workspace: "ACME", identifier: "bob", lastUsedAt: 10 });
  const acmeNew = entry({ id: "acme-new", workspace: "ACME", identifier: "zoe", lastUsedAt: 50 });
  const beta = entry({ id: "beta", workspace: "Beta", identifier: "bob", lastUsedAt: 90 });
  const all = [acmeOld, acmeNew, beta];

  it("#ESPACE&login=ID picks that exact account", () => {
    expect(pickEntryForPage(all, { workspace: "acme", identifier: "bob" })).toBe(acmeOld);
  });

  it("#ESPACE alone picks the workspace's most recently used entry", () => {
    expect(pickEntryForPage(all, { workspace: "ACME" })).toBe(acmeNew);
  });

  it("never fills another account than the one the fragment names", () => {
    expect(pickEntryForPage(all, { workspace: "Gamma" })).toBeUndefined();
    expect(pickEntryForPage(all, { workspace: "ACME", identifier: "carol" })).toBeUndefined();
    expect(pickEntryForPage(all, { workspace: "ACME", identifier: "BOB" })).toBeUndefined();
  });

  it("a login without workspace picks among that identifier's entries", () => {
    expect(pickEntryForPage(all, { identifier: "bob" })).toBe(beta);
    expect(pickEntryForPage(all, { identifier: "nobody" })).toBeUndefined();
  });

  it("no hint: the most recently used entry overall, or the only one", () => {
    expect(pickEntryForPage(all, {})).toBe(beta);
    const lone = entry({ lastUsedAt: null });
    expect(pickEntryForPage([lone], {})).toBe(lone);
    expect(pickEntryForPage([], {})).toBeUndefined();
  });

  it("does not guess between several entries never used", () => {
    const a = entry({ workspace: "ACME" });
    const b = entry({ workspace: "ACME" });
    expect(pickEntryForPage([a, b], {})).toBeUndefined();
    expect(pickEntryForPage([a, b], { workspace: "ACME" })).toBeUndefined();
    expect(pickEntryForPage([a, b], { workspace: "ACME", identifier: b.identifier })).toBe(b);
  });

  it("treats blank hints as absent", () => {
    expect(pickEntryForPage(all, { workspace: " ", identifier: "" })).toBe(beta);
  });

  it("picks a matching entry used no earlier than any other match, or none when unsure", () => {
    const spec = fc.record({
      workspace: fc.constantFrom("ACME", "acme", "Beta", "Gamma"),
      identifier: fc.constantFrom("bob", "zoe", "Bob"),
      lastUsedAt: fc.option(fc.integer({ min: 0, max: 5 })),
    });
    const hintArb = fc.record(
      {
        workspace: fc.constantFrom("ACME", "beta", "Gamma", "Delta"),
        identifier: fc.constantFrom("bob", "zoe"),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 6 }), hintArb, (specs, hint) => {
        const list = specs.map((s) => entry(s));
        const matches = list.filter(
          (e) =>
            (!hint.workspace || e.workspace.toLowerCase() === hint.workspace.toLowerCase()) &&
            (!hint.identifier || e.identifier === hint.identifier),
        );
        const picked = pickEntryForPage(list, hint);
        if (!picked) {
          if (matches.length === 1) expect.fail("the only match must be picked");
          for (const m of matches) expect(m.lastUsedAt).toBeNull();
          return;
        }
        expect(matches).toContain(picked);
        if (picked.lastUsedAt === null) expect(matches).toEqual([picked]);
        for (const m of matches) {
          if (m.lastUsedAt !== null) expect(picked.lastUsedAt).toBeGreaterThanOrEqual(m.lastUsedAt);
        }
      }),
      { numRuns: 500 },
    );
  });
});
