// A backup import checks what is cheap before the deliberately slow Argon2id: the vault's state,
// then the file's size, format and KDF bounds. Argon2id is a fast counting stand-in here (the
// real one is pinned by crypto-kat.test.ts): what matters is whether it is called at all.
import { createHash } from "node:crypto";
import { argon2id } from "hash-wasm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { route } from "../../src/background/router";
import * as vault from "../../src/background/vault";
import { exportBackup } from "../../src/crypto/backup";
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
const ENTRY = {
  id: "b1",
  name: "Acme",
  workspace: "ACME",
  identifier: "bob",
  password: "pw-from-backup",
  createdAt: 1,
  updatedAt: 1,
  lastUsedAt: null,
};

beforeEach(() => stubBackgroundApis());

async function importText(text: string) {
  kdf.mockClear();
  return route(
    { type: "backup.import", payload: { text, password: "pw", mode: "merge", revision: 1 } },
    page,
  );
}

/** Our own file with its KDF header edited: what a crafted file looks like. */
async function hostile(kdfPatch: Record<string, unknown>): Promise<string> {
  const file = JSON.parse(await exportBackup([ENTRY], "pw", 0)) as { kdf: object };
  return JSON.stringify({ ...file, kdf: { ...file.kdf, ...kdfPatch } });
}

describe("backup import: cheap checks before any derivation", () => {
  it("a locked vault is refused without deriving, whatever the file", async () => {
    await vault.create(MASTER, MASTER);
    await vault.lock();
    expect(await importText(await exportBackup([ENTRY], "pw", 0))).toEqual({
      ok: false,
      error: "locked",
    });
    expect(kdf).not.toHaveBeenCalled();
  });

  it("no vault yet is refused without deriving", async () => {
    expect(await importText(await exportBackup([ENTRY], "pw", 0))).toEqual({
      ok: false,
      error: "no_vault",
    });
    expect(kdf).not.toHaveBeenCalled();
  });

  it("a file whose KDF would block the background is refused without deriving", async () => {
    await vault.create(MASTER, MASTER);
    for (const patch of [{ m: 1 << 20, t: 20 }, { m: 4 * 65536, t: 12 }, { t: 13 }]) {
      expect(await importText(await hostile(patch)), JSON.stringify(patch)).toEqual({
        ok: false,
        error: "backup_tampered",
      });
      expect(kdf, JSON.stringify(patch)).not.toHaveBeenCalled();
    }
  });

  it("positive control: a good file, unlocked, is derived once and imported", async () => {
    await vault.create(MASTER, MASTER);
    const r = await importText(await exportBackup([ENTRY], "pw", 0));
    expect(r).toMatchObject({ ok: true });
    expect(kdf).toHaveBeenCalledTimes(1);
  });
});
