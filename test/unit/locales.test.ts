import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";

const load = (lang: string) =>
  JSON.parse(
    readFileSync(`${process.cwd()}/public/_locales/${lang}/messages.json`, "utf8"),
  ) as Record<string, { message: string; placeholders?: Record<string, unknown> }>;

describe("message catalogues", () => {
  const fr = load("fr");
  const en = load("en");

  it("fr and en have exactly the same keys", () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it("every message is a non-empty string with the same placeholders in both languages", () => {
    for (const key of Object.keys(en)) {
      expect(en[key]!.message.trim(), key).not.toBe("");
      expect(fr[key]!.message.trim(), key).not.toBe("");
      expect(Object.keys(fr[key]!.placeholders ?? {}).sort(), key).toEqual(
        Object.keys(en[key]!.placeholders ?? {}).sort(),
      );
    }
  });
});
