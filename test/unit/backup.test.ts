// Each parse that reaches decryption runs the real Argon2id (~0.6 s); refusals before it are
// instant. One export is shared by the whole file.
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { exportBackup, MAX_BACKUP_CHARS, parseBackup } from "../../src/crypto/backup";
import { base64ToBytes, bytesToBase64 } from "../../src/crypto/base64";
import type { Entry } from "../../src/protocol";

const PASSWORD = "mot de passe de sauvegarde";
const NOW = 1767398400000;
const SLOW = 30_000;
const ENTRIES: Entry[] = [
  {
    id: "entry-martin-0001",
    name: "Cabinet Martin",
    workspace: "MARTINCO",
    identifier: "jmartin",
    password: "Pw-of-Martin-9",
    createdAt: 10,
    updatedAt: 20,
    lastUsedAt: 30,
  },
  {
    id: "entry-elise-0002",
    name: "Boulangerie Élise",
    workspace: "ELISEBOUL",
    identifier: "élise",
    password: "croissant au beurre",
    createdAt: 11,
    updatedAt: 21,
    lastUsedAt: null,
  },
];

const flip = (b64: string, index = 0): string => {
  const bytes = base64ToBytes(b64)!;
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytesToBase64(bytes);
};

describe("backup", { timeout: SLOW }, () => {
  let text: string;
  let file: Record<string, unknown> & {
    kdf: Record<string, unknown>;
    iv: string;
    ciphertext: string;
  };
  const withFile = (patch: Record<string, unknown>): string =>
    JSON.stringify({ ...file, ...patch });
  beforeAll(async () => {
    text = await exportBackup(ENTRIES, PASSWORD, NOW);
    file = JSON.parse(text) as typeof file;
  }, SLOW);
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("writes a versioned JSON file with nothing about the entries in clear", () => {
    expect(Object.keys(file)).toEqual([
      "format",
      "version",
      "createdAt",
      "kdf",
      "iv",
      "ciphertext",
    ]);
    expect(file).toMatchObject({ format: "iamoffice-login-backup", version: 1, createdAt: NOW });
    expect(file.kdf).toMatchObject({ alg: "argon2id", v: 19, m: 65536, t: 6, p: 1 });
    for (const e of ENTRIES) {
      for (const value of [e.id, e.name, e.workspace, e.identifier, e.password]) {
        expect(text).not.toContain(value);
      }
    }
  });

  it("round-trips (also with a byte-order mark in front)", async () => {
    expect(await parseBackup(text, PASSWORD)).toEqual({ ok: true, value: ENTRIES });
    expect(await parseBackup(`\ufeff${text}`, PASSWORD)).toEqual({ ok: true, value: ENTRIES });
  });

  it("round-trips an empty vault", async () => {
    const empty = await exportBackup([], PASSWORD, NOW);
    expect(await parseBackup(empty, PASSWORD)).toEqual({ ok: true, value: [] });
  });

  it("refuses a wrong password", async () => {
    expect(await parseBackup(text, "mot de passe de sauvegardE")).toEqual({
      ok: false,
      error: "backup_wrong_password",
    });
  });

  // Indistinguishable from a wrong password under AES-GCM: same code, by design.
  it.each([
    ["ciphertext", () => withFile({ ciphertext: flip(file.ciphertext, 7) })],
    ["iv", () => withFile({ iv: flip(file.iv) })],
    ["date (authenticated header)", () => withFile({ createdAt: NOW + 1 })],
    ["salt", () => withFile({ kdf: { ...file.kdf, salt: flip(file.kdf.salt as string) } })],
  ])("reports an edited %s as backup_wrong_password", async (_, edited) => {
    expect(await parseBackup(edited(), PASSWORD)).toEqual({
      ok: false,
      error: "backup_wrong_password",
    });
  });

  it("refuses a weakened KDF header", async () => {
    const weak = withFile({ kdf: { ...file.kdf, m: 1024, t: 1, p: 4 } });
    expect(await parseBackup(weak, PASSWORD)).toEqual({ ok: false, error: "kdf_too_weak" });
  });

  it.each([
    ["an absurd KDF cost", () => withFile({ kdf: { ...file.kdf, t: 500 } })],
    ["a version that is not a number", () => withFile({ version: "1" })],
    ["version 0", () => withFile({ version: 0 })],
    ["a negative date", () => withFile({ createdAt: -1 })],
    ["an IV of the wrong length", () => withFile({ iv: "AAAA" })],
    ["a ciphertext that is not base64", () => withFile({ ciphertext: "%%%%" })],
  ])("refuses %s as backup_tampered", async (_, edited) => {
    expect(await parseBackup(edited(), PASSWORD)).toEqual({ ok: false, error: "backup_tampered" });
  });

  it("refuses a newer format version", async () => {
    expect(await parseBackup(withFile({ version: 2 }), PASSWORD)).toEqual({
      ok: false,
      error: "backup_future_version",
    });
  });

  it.each([
    ["an empty file", ""],
    ["plain text", "hello"],
    ["a JSON array", "[1,2,3]"],
    ["another program's JSON", '{"format":"bitwarden","items":[]}'],
    ["JSON without a format", '{"version":1}'],
    ["a cut-off JSON of another program", '{"format":"keepass","entr'],
  ])("refuses %s as backup_not_ours", async (_, input) => {
    expect(await parseBackup(input, PASSWORD)).toEqual({ ok: false, error: "backup_not_ours" });
  });

  it.each([
    ["the version", "version"],
    ["the KDF header", "kdf"],
    ["the ciphertext", "ciphertext"],
    ["the date", "createdAt"],
  ])("refuses our file without %s as backup_truncated", async (_, field) => {
    const { [field]: _dropped, ...rest } = file;
    expect(await parseBackup(JSON.stringify(rest), PASSWORD)).toEqual({
      ok: false,
      error: "backup_truncated",
    });
  });

  it("refuses our file cut anywhere after the format name as backup_truncated", async () => {
    const body = text.trimEnd();
    const from = body.indexOf('"iamoffice-login-backup"') + '"iamoffice-login-backup"'.length;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: from, max: body.length - 1 }), async (cut) => {
        expect(await parseBackup(body.slice(0, cut), PASSWORD)).toEqual({
          ok: false,
          error: "backup_truncated",
        });
      }),
      { numRuns: 200 },
    );
  });

  it("refuses an oversized file before parsing it", async () => {
    const parse = vi.spyOn(JSON, "parse");
    const huge = withFile({ padding: "x".repeat(MAX_BACKUP_CHARS) });
    expect(await parseBackup(huge, PASSWORD)).toEqual({ ok: false, error: "backup_too_large" });
    expect(parse).not.toHaveBeenCalled();
  });

  it("accepts a file of exactly the maximum size as far as the size check goes", async () => {
    const atLimit = "x".repeat(MAX_BACKUP_CHARS);
    expect(await parseBackup(atLimit, PASSWORD)).toEqual({ ok: false, error: "backup_not_ours" });
  });

  it("refuses authentic content whose entries do not validate", async () => {
    const bad = [{ ...ENTRIES[0], workspace: "MARTIN\u0000CO" }] as Entry[];
    const badText = await exportBackup(bad, PASSWORD, NOW);
    expect(await parseBackup(badText, PASSWORD)).toEqual({
      ok: false,
      error: "backup_invalid_entries",
    });
  });

  it("refuses an export date that would not print canonically", async () => {
    await expect(exportBackup(ENTRIES, PASSWORD, 1.5)).rejects.toThrow(RangeError);
  });
});
