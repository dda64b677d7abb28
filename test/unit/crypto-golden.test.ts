// Format freeze. The fixtures were made once by this code; this test opens them twice: through
// the public API, and by re-deriving every step by hand from the documented recipe (Argon2id →
// HKDF-SHA-256 with a purpose label → AES-256-GCM with a fixed associated-data text). If a label,
// an AAD text or a parameter mapping ever changes, existing users' vaults and backups stop
// opening, and this test says so.
import { readFileSync } from "node:fs";
import { argon2id } from "hash-wasm";
import { describe, expect, it } from "vitest";
import { parseBackup } from "../../src/crypto/backup";
import { base64ToBytes } from "../../src/crypto/base64";
import { decryptRecord, unwrapVaultKey } from "../../src/crypto/vault-crypto";
import backupFile from "../fixtures/crypto/backup-v1.json";
import vault from "../fixtures/crypto/vault-v1.json";

const VAULT_PASSWORD = "Vœu d'été : sept chevaux bleus";
const BACKUP_PASSWORD = "Sauvegarde du cabinet, mars 2026";
const ENTRY = {
  id: "3f1c9a52-0b7e-4d2a-9a61-5c2e8f0d4b17",
  name: "Cabinet Durand",
  workspace: "DURAND",
  identifier: "m.durand",
  password: "s3cr3t-Durand!",
  createdAt: 1767225600000,
  updatedAt: 1767225600000,
  lastUsedAt: null,
};
const BACKUP_ENTRIES = [
  ENTRY,
  {
    ...ENTRY,
    id: "b2",
    name: "Société Élan",
    workspace: "ELAN",
    identifier: "compta",
    password: "pâte à crêpes 42",
    lastUsedAt: 1767312000000,
  },
];

// The file's exact text, as a user would pick it in the import dialog.
const backupText = readFileSync("test/fixtures/crypto/backup-v1.json", "utf8");

const b64 = (s: string): Uint8Array<ArrayBuffer> => base64ToBytes(s)!;
const text = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);

/** The recipe, written out independently of src/crypto. */
async function recipeKey(
  password: string,
  kdf: { m: number; t: number; p: number; salt: string },
  info: string,
): Promise<CryptoKey> {
  const salt = b64(kdf.salt);
  const ikm = await argon2id({
    password: text(password.normalize("NFC")),
    salt,
    iterations: kdf.t,
    parallelism: kdf.p,
    memorySize: kdf.m,
    hashLength: 32,
    outputType: "binary",
  });
  const base = await crypto.subtle.importKey("raw", new Uint8Array(ikm), "HKDF", false, [
    "deriveKey",
  ]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt, info: text(info) },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["decrypt"],
  );
}

async function gcmOpen(key: CryptoKey, iv: string, ct: string, aad: string): Promise<string> {
  const pt = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: b64(iv), additionalData: text(aad) },
    key,
    b64(ct),
  );
  return new TextDecoder().decode(pt);
}

const canonical = (k: typeof vault.wrapped.kdf): string =>
  `alg=${k.alg};v=${k.v};m=${k.m};t=${k.t};p=${k.p};salt=${k.salt}`;

describe("stored vault format v1", { timeout: 30_000 }, () => {
  it("opens by the documented recipe", async () => {
    const { kdf, iv, key } = vault.wrapped;
    const wrapKey = await recipeKey(VAULT_PASSWORD, kdf, "iamoffice-login/v1/wrap");
    const aad = `iamoffice-login/vault-key/v1\n${canonical(kdf)}`;
    const raw = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: b64(iv), additionalData: text(aad) },
      wrapKey,
      b64(key),
    );
    expect(new Uint8Array(raw)).toEqual(b64(vault.vaultKey));

    const vaultKey = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);
    const { id, iv: riv, ct } = vault.record;
    const json = await gcmOpen(vaultKey, riv, ct, `iamoffice-login/entry/v1/${id}`);
    expect(json.length % 64).toBe(0);
    expect(JSON.parse(json)).toEqual(ENTRY);
  });

  it("opens through the API", async () => {
    const r = await unwrapVaultKey(VAULT_PASSWORD, vault.wrapped);
    expect(r).toEqual({ ok: true, vaultKey: b64(vault.vaultKey) });
    expect(await decryptRecord(b64(vault.vaultKey), vault.record)).toEqual({
      ok: true,
      value: ENTRY,
    });
  });
});

describe("backup file format v1", { timeout: 30_000 }, () => {
  it("opens by the documented recipe", async () => {
    const { kdf, iv, ciphertext, createdAt } = backupFile;
    const key = await recipeKey(BACKUP_PASSWORD, kdf, "iamoffice-login/v1/backup");
    const aad = `iamoffice-login-backup\nversion=1\ncreatedAt=${createdAt}\n${canonical(kdf)}`;
    expect(JSON.parse(await gcmOpen(key, iv, ciphertext, aad))).toEqual({
      entries: BACKUP_ENTRIES,
    });
  });

  it("opens through the API", async () => {
    expect(await parseBackup(backupText, BACKUP_PASSWORD)).toEqual({
      ok: true,
      value: BACKUP_ENTRIES,
    });
  });
});
