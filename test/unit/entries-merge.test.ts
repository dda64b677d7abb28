// The merge of a backup into the vault (pure). The newer record by `updatedAt` wins and the
// report says so; an unclear one with another password is a conflict, settled by the user.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeEntries, newerSide } from "../../src/entries/merge";
import type { Entry, ImportChoice } from "../../src/protocol";

const NOW = 1_800_000_000_000;
const WEEK = 7 * 86_400_000;
const entry = (over: Partial<Entry> = {}): Entry => ({
  id: "v1",
  name: "Acme",
  workspace: "ACME",
  identifier: "bob",
  password: "this-week",
  createdAt: NOW - 10 * WEEK,
  updatedAt: NOW - WEEK,
  lastUsedAt: NOW - 1000,
  ...over,
});
const backup = (over: Partial<Entry> = {}): Entry =>
  entry({ id: "b1", password: "last-month", updatedAt: NOW - 4 * WEEK, lastUsedAt: null, ...over });

function done(r: ReturnType<typeof mergeEntries>) {
  if (r.status !== "done") throw new Error(`expected done, got ${JSON.stringify(r)}`);
  return r;
}

describe("mergeEntries, merge mode", () => {
  it("keeps this week's password when last month's backup is merged, and says why", () => {
    const mine = entry();
    const r = done(mergeEntries([mine], [backup()], "merge", NOW));
    expect(r.next).toEqual([mine]);
    expect(r.report).toEqual({
      added: 0,
      updated: 0,
      skipped: 1,
      details: [{ name: "Acme", workspace: "ACME", identifier: "bob", outcome: "kept_newer" }],
    });
  });

  it("takes the backup's password when it is the newer one, keeping its date", () => {
    const mine = entry({ password: "old", updatedAt: NOW - 4 * WEEK });
    const theirs = backup({ password: "newer", name: "Acme SARL", updatedAt: NOW - WEEK });
    const r = done(mergeEntries([mine], [theirs], "merge", NOW));
    expect(r.next).toEqual([
      { ...mine, name: "Acme SARL", password: "newer", updatedAt: NOW - WEEK },
    ]);
    expect(r.report).toMatchObject({ added: 0, updated: 1, skipped: 0 });
    expect(r.report.details).toEqual([
      { name: "Acme", workspace: "ACME", identifier: "bob", outcome: "took_newer" },
    ]);
  });

  it("keeps a newer name of yours too, and takes a newer name from the backup", () => {
    const mine = entry({ name: "Mine" });
    const older = backup({ password: mine.password, name: "Theirs" });
    expect(done(mergeEntries([mine], [older], "merge", NOW)).next).toEqual([mine]);
    const newer = backup({ password: mine.password, name: "Theirs", updatedAt: NOW });
    expect(done(mergeEntries([mine], [newer], "merge", NOW)).next[0]?.name).toBe("Theirs");
  });

  it("skips an identical record, and one differing only by a name the backup lacks", () => {
    const mine = entry();
    for (const theirs of [
      backup({ password: mine.password }),
      backup({ password: mine.password, name: "" }),
    ]) {
      const r = done(mergeEntries([mine], [theirs], "merge", NOW));
      expect(r.next).toEqual([mine]);
      expect(r.report).toEqual({ added: 0, updated: 0, skipped: 1, details: [] });
    }
  });

  it.each([
    ["equal dates", NOW - WEEK, NOW - WEEK],
    ["no date in the backup", NOW - WEEK, 0],
    ["no date in the vault", 0, NOW - WEEK],
  ])(
    "another password with %s is a conflict: nothing to write until the user chooses",
    (_, yours, theirs) => {
      const mine = entry({ updatedAt: yours });
      const r = mergeEntries([mine], [backup({ updatedAt: theirs })], "merge", NOW);
      expect(r).toEqual({
        status: "conflicts",
        conflicts: [
          {
            id: "v1",
            name: "Acme",
            workspace: "ACME",
            identifier: "bob",
            yoursUpdatedAt: yours,
            backupUpdatedAt: theirs,
          },
        ],
      });
      // A conflict never carries a password.
      expect(JSON.stringify(r)).not.toMatch(/this-week|last-month/);
    },
  );

  it("applies the user's choice for a conflict", () => {
    const mine = entry({ updatedAt: 5 });
    const theirs = backup({ updatedAt: 5 });
    const choose = (c: ImportChoice) => new Map([["v1", c]]);
    const kept = done(mergeEntries([mine], [theirs], "merge", NOW, choose("mine")));
    expect(kept.next).toEqual([mine]);
    expect(kept.report.details[0]?.outcome).toBe("kept_chosen");
    const took = done(mergeEntries([mine], [theirs], "merge", NOW, choose("backup")));
    expect(took.next).toEqual([{ ...mine, password: "last-month", updatedAt: NOW }]);
    expect(took.report).toMatchObject({ updated: 1, skipped: 0 });
    expect(took.report.details[0]?.outcome).toBe("took_chosen");
  });

  it("a choice for another entry does not settle a conflict", () => {
    const r = mergeEntries(
      [entry({ updatedAt: 5 })],
      [backup({ updatedAt: 5 })],
      "merge",
      NOW,
      new Map([["other", "backup"]]),
    );
    expect(r.status).toBe("conflicts");
  });

  it("same password and unclear dates, only the name differs: yours is kept, no question", () => {
    const mine = entry({ updatedAt: 5 });
    const r = done(
      mergeEntries(
        [mine],
        [backup({ password: mine.password, name: "X", updatedAt: 5 })],
        "merge",
        NOW,
      ),
    );
    expect(r.next).toEqual([mine]);
  });

  it("adds new accounts with fresh ids, and counts a backup's own duplicate once", () => {
    const mine = entry();
    const gamma = backup({ id: "g", workspace: "GAMMA", password: "g1" });
    const gammaAgain = backup({ id: "g2", workspace: "gamma", password: "g2", updatedAt: NOW });
    const r = done(mergeEntries([mine], [gamma, gammaAgain, backup()], "merge", NOW));
    expect(r.next).toHaveLength(2);
    expect(r.next[1]).toMatchObject({ workspace: "GAMMA", password: "g1" });
    expect(r.next[1]?.id).not.toBe("g");
    expect(r.report).toMatchObject({ added: 1, updated: 0, skipped: 2 });
  });

  it("never replaces a password with an older one, whatever the dates", () => {
    const time = fc.integer({ min: 0, max: NOW });
    fc.assert(
      fc.property(time, time, fc.boolean(), (yours, theirs, samePassword) => {
        const mine = entry({ updatedAt: yours });
        const other = backup({ updatedAt: theirs, password: samePassword ? mine.password : "b" });
        const r = mergeEntries([mine], [other], "merge", NOW);
        if (r.status === "conflicts") {
          expect(newerSide(yours, theirs)).toBe("unclear");
          return;
        }
        const kept = r.next[0]!;
        if (kept.password !== mine.password) expect(theirs).toBeGreaterThan(yours);
        expect(r.report.updated + r.report.skipped).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("mergeEntries, replace mode", () => {
  it("keeps only the backup's accounts, with fresh ids, whatever the dates", () => {
    const r = done(mergeEntries([entry()], [backup(), backup({ id: "b2" })], "replace", NOW));
    expect(r.next).toHaveLength(1);
    expect(r.next[0]).toMatchObject({ password: "last-month" });
    expect(r.next[0]?.id).not.toBe("b1");
    expect(r.report).toEqual({ added: 1, updated: 0, skipped: 1, details: [] });
  });
});
