// The backup password: a new one (export) is held to the master password's length rule, NFC
// counted as the options page counts it; an existing one (import) is taken as typed, whatever its
// length, so backups made before the rule still open. Argon2id is a fast stand-in here.
import { createHash } from "node:crypto";
import { argon2id } from "hash-wasm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { route } from "../../src/background/router";
import * as vault from "../../src/background/vault";
import { exportBackup } from "../../src/crypto/backup";
import { isLongEnough, MIN_MASTER_LENGTH } from "../../src/master-password";
import { checkMasterPassword } from "../../src/ui/password-strength";
import { stubBackgroundApis } from "./background-stubs";

vi.mock("hash-wasm", async (importOriginal) => {
  const real = await importOriginal<typeof import("hash-wasm")>();
  const fake = (o: { password: Uint8Array; salt: Uint8Array }) =>
    Promise.resolve(
      new Uint8Array(createHash("sha256").update(o.password).update(o.salt).digest()),
    );
  return { ...real, argon2id: vi.fn(fake) };
});
const kdf = vi.mocked(argon2id);

const MASTER = "correct horse battery staple";
const page = { id: "test-extension-id", url: "chrome-extension://test-extension-id/options.html" };
/** "é" written decomposed (e + U+0301): two code points, one character after NFC. */
const decomposedE = "e\u0301";

beforeEach(async () => {
  stubBackgroundApis();
  await vault.create(MASTER, MASTER);
  kdf.mockClear();
});

const exportWith = (password: string) =>
  route({ type: "backup.export", payload: { password } }, page);

describe("backup password rule", () => {
  it.each(["x", "123456789", decomposedE.repeat(9)])(
    "export refuses %j as too short, before any derivation",
    async (password) => {
      expect(await exportWith(password)).toEqual({
        ok: false,
        error: "weak_password",
        fields: { password: "too_short" },
      });
      expect(kdf).not.toHaveBeenCalled();
    },
  );

  it("export accepts a password of the master password's length, counted after NFC", async () => {
    expect(await exportWith(decomposedE.repeat(MIN_MASTER_LENGTH))).toMatchObject({ ok: true });
    expect(await exportWith("1234567890")).toMatchObject({ ok: true });
  });

  it("import takes an existing backup's password as typed, even one character long", async () => {
    const text = await exportBackup(
      [
        {
          id: "b1",
          name: "",
          workspace: "ACME",
          identifier: "bob",
          password: "pw",
          createdAt: 1,
          updatedAt: 1,
          lastUsedAt: null,
        },
      ],
      "x",
      0,
    );
    const r = await route(
      { type: "backup.import", payload: { text, password: "x", mode: "merge", revision: 1 } },
      page,
    );
    expect(r).toMatchObject({ ok: true });
    const list = await vault.list();
    expect(list.ok && list.value.entries.map((e) => e.workspace)).toEqual(["ACME"]);
  });

  it("the background's length rule is the options page's: one definition, NFC counted", () => {
    for (const pw of ["", "x", "123456789", "1234567890", decomposedE.repeat(9), "🔒".repeat(10)]) {
      expect(isLongEnough(pw), pw).toBe(
        (checkMasterPassword(pw) as { reason?: string }).reason !== "too_short",
      );
    }
  });

  it("creating the vault counts the master password the same way", async () => {
    await vault.reset();
    expect(await vault.create(decomposedE.repeat(9), decomposedE.repeat(9))).toMatchObject({
      ok: false,
      error: "weak_password",
    });
  });
});
