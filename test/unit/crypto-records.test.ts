import { beforeAll, describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "../../src/crypto/base64";
import { importAesKey } from "../../src/crypto/aes-gcm";
import { randomBytes } from "../../src/crypto/bytes";
import { validateEntry } from "../../src/entries/rules";
import { decryptRecord, encryptRecord, type EncryptedRecord } from "../../src/crypto/records";
import type { Entry } from "../../src/protocol";

const entry = (id: string, password = "hunter2-long"): Entry => ({
  id,
  name: "Cabinet",
  workspace: "CABINET",
  identifier: "alice",
  password,
  createdAt: 1,
  updatedAt: 2,
  lastUsedAt: null,
});
const isEntry = (v: unknown): v is Entry => validateEntry(v) !== null;

// Flip one bit of a base64 field's bytes.
const flip = (b64: string, index = 0): string => {
  const bytes = base64ToBytes(b64)!;
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytesToBase64(bytes);
};

describe("entry records", () => {
  const key = randomBytes(32);
  let a: EncryptedRecord;
  let b: EncryptedRecord;
  beforeAll(async () => {
    a = await encryptRecord(key, "a", entry("a"));
    b = await encryptRecord(key, "b", entry("b", "another-password"));
  });

  it("round-trips, with raw or imported key", async () => {
    expect(await decryptRecord(key, a)).toEqual({ ok: true, value: entry("a") });
    const imported = await importAesKey(key);
    expect(await decryptRecord(imported, a, { validate: isEntry })).toEqual({
      ok: true,
      value: entry("a"),
    });
  });

  it("never reuses an IV in 1,000 encryptions", async () => {
    const imported = await importAesKey(key);
    const ivs = new Set<string>();
    for (let i = 0; i < 1000; i++) ivs.add((await encryptRecord(imported, "a", entry("a"))).iv);
    expect(ivs.size).toBe(1000);
  });

  it("refuses a ciphertext moved to another record id", async () => {
    expect(await decryptRecord(key, { ...b, iv: a.iv, ct: a.ct })).toEqual({
      ok: false,
      error: "tampered",
    });
    expect(await decryptRecord(key, { ...a, id: "b" })).toEqual({ ok: false, error: "tampered" });
  });

  it("refuses a whole record found where another id was expected", async () => {
    expect(await decryptRecord(key, a, { expectedId: "b" })).toEqual({
      ok: false,
      error: "tampered",
    });
    expect((await decryptRecord(key, a, { expectedId: "a" })).ok).toBe(true);
  });

  it.each([
    ["first ciphertext byte", (r: EncryptedRecord) => ({ ...r, ct: flip(r.ct) })],
    [
      "tag byte",
      (r: EncryptedRecord) => ({ ...r, ct: flip(r.ct, base64ToBytes(r.ct)!.length - 1) }),
    ],
    ["IV", (r: EncryptedRecord) => ({ ...r, iv: flip(r.iv) })],
  ])("refuses a changed %s as tampered", async (_, change) => {
    expect(await decryptRecord(key, change(a))).toEqual({ ok: false, error: "tampered" });
  });

  it("refuses the right record under another vault key as tampered", async () => {
    expect(await decryptRecord(randomBytes(32), a)).toEqual({ ok: false, error: "tampered" });
  });

  it.each([
    ["null", null],
    ["a string", "record"],
    ["no id", { iv: "AAAAAAAAAAAAAAAA", ct: "A".repeat(24) }],
    ["an empty id", { id: "", iv: "AAAAAAAAAAAAAAAA", ct: "A".repeat(24) }],
    ["a short IV", { id: "a", iv: "AAAA", ct: "A".repeat(24) }],
    ["a ciphertext shorter than a tag", { id: "a", iv: "AAAAAAAAAAAAAAAA", ct: "AAAA" }],
    ["invalid base64", { id: "a", iv: "AAAAAAAAAAAAAAA!", ct: "A".repeat(24) }],
  ])("refuses %s as malformed", async (_, rec) => {
    expect(await decryptRecord(key, rec)).toEqual({ ok: false, error: "malformed" });
  });

  it("reports an authentic value that fails validation as malformed", async () => {
    const odd = await encryptRecord(key, "a", { not: "an entry" });
    expect(await decryptRecord(key, odd, { validate: isEntry })).toEqual({
      ok: false,
      error: "malformed",
    });
  });

  it("pads records so the ciphertext length does not give away the password length", async () => {
    const short = await encryptRecord(key, "a", entry("a", "x"));
    const long = await encryptRecord(key, "a", entry("a", "x".repeat(30)));
    expect(short.ct.length).toBe(long.ct.length);
  });

  it("stores nothing readable", () => {
    expect(JSON.stringify([a, b])).not.toMatch(/hunter2|alice|CABINET|another-password/);
  });
});
