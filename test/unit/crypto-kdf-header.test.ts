// The header check is a pure function run before any derivation (see crypto-downgrade.test.ts
// for the proof that refused headers never reach Argon2id).
import { describe, expect, it } from "vitest";
import {
  canonicalKdf,
  checkKdfHeader,
  KDF_MAX,
  KDF_MIN,
  newKdfHeader,
  type KdfHeader,
} from "../../src/crypto/kdf-header";

const good: KdfHeader = {
  alg: "argon2id",
  v: 19,
  m: 65536,
  t: 3,
  p: 1,
  salt: "AAECAwQFBgcICQoLDA0ODw==",
};
const edit = (patch: Record<string, unknown>): unknown => ({ ...good, ...patch });

describe("checkKdfHeader", () => {
  it("accepts the minimum (secrets wrapped before the default rose) and returns the decoded salt", () => {
    const r = checkKdfHeader(good);
    expect(r.ok && r.value.header).toEqual(good);
    expect(r.ok && Array.from(r.value.salt)).toEqual([...Array(16).keys()]);
  });

  it("accepts stronger-than-minimum parameters", () => {
    expect(checkKdfHeader(edit({ m: 262144, t: 4 })).ok).toBe(true);
  });

  it.each([
    ["the weakened header m=1024 t=1 p=4", { m: 1024, t: 1, p: 4 }],
    ["memory below 64 MiB", { m: KDF_MIN.m - 1 }],
    ["fewer than 3 passes", { t: 2 }],
    ["more than one lane", { p: 2 }],
    ["zero lanes", { p: 0 }],
    ["argon2i", { alg: "argon2i" }],
    ["Argon2 version 0x10", { v: 16 }],
    ["an 8-byte salt", { salt: "AAECAwQFBgc=" }],
    ["an empty salt", { salt: "" }],
    ["a 32-byte salt", { salt: "A".repeat(43) + "=" }],
  ])("refuses %s as kdf_too_weak", (_, patch) => {
    expect(checkKdfHeader(edit(patch))).toEqual({ ok: false, error: "kdf_too_weak" });
  });

  it.each([
    ["memory above 1 GiB", { m: 1024 * 1024 + 1 }],
    ["more than 20 passes", { t: 21 }],
    ["a numeric string", { m: "65536" }],
    ["a fractional number", { t: 3.5 }],
    ["NaN", { m: Number.NaN }],
    ["Infinity", { m: Number.POSITIVE_INFINITY }],
    ["a salt that is not base64", { salt: "not base64!" }],
    ["a non-string alg", { alg: 1 }],
    ["an extra field", { extra: 1 }],
  ])("refuses %s as malformed", (_, patch) => {
    expect(checkKdfHeader(edit(patch))).toEqual({ ok: false, error: "malformed" });
  });

  // A header is read before the password is known to be right, so its cost is a denial of
  // service: at most 4× the minimum memory, 4× its passes, 8× their product (see KDF_MAX).
  it.each([
    ["4× the memory", { m: 4 * 65536 }],
    ["4× the passes", { t: 12 }],
    ["2× both", { m: 2 * 65536, t: 6 }],
    ["4× the memory and one more pass", { m: 4 * 65536, t: 4 }],
  ])("accepts %s (a later version raising the cost)", (_, patch) => {
    expect(checkKdfHeader(edit(patch)).ok).toBe(true);
  });

  it.each([
    [
      "1 GiB and 20 passes (a crafted file blocking the background for a minute)",
      { m: 1 << 20, t: 20 },
    ],
    ["memory above 4× the minimum", { m: 4 * 65536 + 1 }],
    ["passes above 4× the minimum", { t: 13 }],
    ["4× the memory with 4× the passes (16× the work)", { m: 4 * 65536, t: 12 }],
    ["memory × passes above 8× the minimum", { m: 3 * 65536, t: 9 }],
  ])("refuses %s as malformed", (_, patch) => {
    expect(checkKdfHeader(edit(patch))).toEqual({ ok: false, error: "malformed" });
  });

  it("bounds the work of any accepted header to 8× the minimum", () => {
    expect(KDF_MAX.work).toBe(8 * KDF_MIN.m * KDF_MIN.t);
    for (let m = KDF_MIN.m; m <= KDF_MAX.m; m += 8192) {
      for (let t = KDF_MIN.t; t <= KDF_MAX.t; t++) {
        if (checkKdfHeader(edit({ m, t })).ok) expect(m * t).toBeLessThanOrEqual(KDF_MAX.work);
      }
    }
  });

  it.each([null, undefined, "argon2id", 42, [], [good]])("refuses %j as malformed", (raw) => {
    expect(checkKdfHeader(raw)).toEqual({ ok: false, error: "malformed" });
  });

  it("refuses a header with a missing field", () => {
    const { t: _t, ...rest } = good;
    expect(checkKdfHeader(rest)).toEqual({ ok: false, error: "malformed" });
  });
});

describe("newKdfHeader", () => {
  it("produces the defaults, which pass the check", () => {
    const { header } = newKdfHeader();
    expect(header).toMatchObject({ alg: "argon2id", v: 19, m: 65536, t: 6, p: 1 });
    expect(checkKdfHeader(header).ok).toBe(true);
  });

  it("never repeats a salt in 1,000 headers", () => {
    const salts = new Set(Array.from({ length: 1000 }, () => newKdfHeader().header.salt));
    expect(salts.size).toBe(1000);
  });
});

describe("canonicalKdf", () => {
  it("is one fixed text (it is authenticated data: changing it breaks stored vaults)", () => {
    expect(canonicalKdf(good)).toBe(
      "alg=argon2id;v=19;m=65536;t=3;p=1;salt=AAECAwQFBgcICQoLDA0ODw==",
    );
  });

  it("does not depend on the property order of the stored object", () => {
    const reordered = { salt: good.salt, p: 1, t: 3, m: 65536, v: 19, alg: "argon2id" } as const;
    expect(canonicalKdf(reordered)).toBe(canonicalKdf(good));
  });
});
