import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { planMigration } from "../../src/storage/migrations";
import { SCHEMA_VERSION } from "../../src/storage/schema";
import { readSettings } from "../../src/settings";

const v1 = JSON.parse(
  readFileSync(`${process.cwd()}/test/fixtures/storage/v1-profile.json`, "utf8"),
) as Record<string, unknown>;

describe("storage migrations", () => {
  it("migrates a v1 profile (no schemaVersion) to the current schema without losing data", () => {
    const plan = planMigration(v1);
    if ("error" in plan) throw new Error("unexpected");
    expect(plan.from).toBe(1);
    expect(plan.to).toBe(SCHEMA_VERSION);
    const after = { ...v1, ...plan.set };
    expect(after.schemaVersion).toBe(SCHEMA_VERSION);
    // Renamed setting keeps the user's value; others are untouched.
    const settings = readSettings(after.settings);
    expect(settings.idleTimeoutMinutes).toBe(30);
    expect(settings.autofillOnLoad).toBe(false);
    expect(after.settings).not.toHaveProperty("idleMinutes");
    // The vault keeps every record and gains a revision.
    const vault = after.vault as { records: unknown[]; revision: number };
    expect(vault.records).toEqual((v1.vault as { records: unknown[] }).records);
    expect(vault.revision).toBe(0);
  });

  it("a fresh profile just gets the current version", () => {
    const plan = planMigration({});
    if ("error" in plan) throw new Error("unexpected");
    expect(plan.set).toEqual({ schemaVersion: SCHEMA_VERSION });
  });

  it("is idempotent: a current profile is left alone", () => {
    const plan = planMigration({ schemaVersion: SCHEMA_VERSION, settings: { idleMinutes: 5 } });
    if ("error" in plan) throw new Error("unexpected");
    expect(plan.set).toEqual({ schemaVersion: SCHEMA_VERSION });
  });

  it("refuses to touch data written by a future version", () => {
    expect(planMigration({ schemaVersion: SCHEMA_VERSION + 1, vault: {} })).toEqual({
      error: "future_version",
      from: SCHEMA_VERSION + 1,
    });
  });
});
