// Format freeze of the stored vault, format 2 (the v1 freeze is crypto-golden.test.ts). The
// fixture was made once by this code; this test opens it by re-deriving every step by hand from
// the documented recipe, and through the vault service. Format 2 = format 1's records (same
// AAD), a vault-key wrapping whose AAD names format 2, and an index record holding the revision
// and each record's SHA-256(IV ‖ ciphertext+tag).
import { createHash } from "node:crypto";
import { argon2id } from "hash-wasm";
import { fakeBrowser } from "@webext-core/fake-browser";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vaultService from "../../src/background/vault";
import { base64ToBytes } from "../../src/crypto/base64";
import { unwrapVaultKey } from "../../src/crypto/vault-crypto";
import fixture from "../fixtures/crypto/vault-v2.json";
import { stubBackgroundApis } from "./background-stubs";

const PASSWORD = "Deux hérissons lisent Zola, 2026";
const ENTRIES = [
  {
    id: "7b0e4c1a-5d2f-4e8b-9c36-1f4a2d8e6b90",
    name: "Cabinet Durand",
    workspace: "DURAND",
    identifier: "m.durand",
    password: "s3cr3t-Durand!",
    createdAt: 1767225600000,
    updatedAt: 1767312000000,
    lastUsedAt: 1767398400000,
  },
  {
    id: "c4d9a2e7-3b1f-4a6c-8e05-9d7b2f1c3a48",
    name: "Société Élan",
    workspace: "ELAN",
    identifier: "compta",
    password: "pâte à crêpes 42",
    createdAt: 1767225600000,
    updatedAt: 1767225600000,
    lastUsedAt: null,
  },
];

const b64 = (s: string): Uint8Array<ArrayBuffer> => base64ToBytes(s)!;
const text = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);

async function gcmOpen(key: CryptoKey, iv: string, ct: string, aad: string): Promise<string> {
  const pt = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: b64(iv), additionalData: text(aad) },
    key,
    b64(ct),
  );
  return new TextDecoder().decode(pt);
}

describe("stored vault format v2", { timeout: 30_000 }, () => {
  beforeEach(() => stubBackgroundApis());

  it("opens by the documented recipe", async () => {
    const { kdf, iv, key } = fixture.vault.wrapped;
    const salt = b64(kdf.salt);
    const ikm = await argon2id({
      password: text(PASSWORD.normalize("NFC")),
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
    const wrapKey = await crypto.subtle.deriveKey(
      { name: "HKDF", hash: "SHA-256", salt, info: text("iamoffice-login/v1/wrap") },
      base,
      { name: "AES-GCM", length: 256 },
      false,
      ["decrypt"],
    );
    const canonical = `alg=${kdf.alg};v=${kdf.v};m=${kdf.m};t=${kdf.t};p=${kdf.p};salt=${kdf.salt}`;
    const raw = await crypto.subtle.decrypt(
      {
        name: "AES-GCM",
        iv: b64(iv),
        additionalData: text(`iamoffice-login/vault-key/v2\n${canonical}`),
      },
      wrapKey,
      b64(key),
    );
    expect(new Uint8Array(raw)).toEqual(b64(fixture.vaultKey));
    const vaultKey = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);

    const { index, records, revision } = fixture.vault;
    const sealed: unknown = JSON.parse(
      await gcmOpen(vaultKey, index.iv, index.ct, "iamoffice-login/entry/v1/index"),
    );
    const digest = (r: { iv: string; ct: string }) =>
      createHash("sha256")
        .update(Buffer.concat([b64(r.iv), b64(r.ct)]))
        .digest("base64");
    expect(sealed).toEqual({
      revision,
      records: records.map((r) => ({ id: r.id, sha256: digest(r) })),
    });
    const opened = [];
    for (const r of records) {
      const json = await gcmOpen(vaultKey, r.iv, r.ct, `iamoffice-login/entry/v1/${r.id}`);
      // Padded to 64-byte blocks (bytes, not characters: the second entry has accents).
      expect(text(json).length % 64).toBe(0);
      opened.push(JSON.parse(json));
    }
    expect(opened).toEqual(ENTRIES);
  });

  it("opens through the vault service, and its wrapped key only as format 2", async () => {
    expect(await unwrapVaultKey(PASSWORD, fixture.vault.wrapped, 2)).toEqual({
      ok: true,
      vaultKey: b64(fixture.vaultKey),
    });
    expect(await unwrapVaultKey(PASSWORD, fixture.vault.wrapped, 1)).toEqual({
      ok: false,
      error: "wrong_password",
    });
    await fakeBrowser.storage.local.set({ schemaVersion: 2, vault: fixture.vault });
    expect((await vaultService.status()).state).toBe("locked");
    expect(await vaultService.unlock(PASSWORD)).toEqual({ ok: true });
    const list = await vaultService.list();
    expect(list.ok && list.value).toEqual({
      entries: ENTRIES.map(({ password: _p, ...rest }) => rest),
      revision: 7,
    });
    expect(await vaultService.get(ENTRIES[1]!.id)).toEqual({ ok: true, value: ENTRIES[1] });
    // Opening rewrites only the key's wrapping, made with 3 passes, at today's cost: records,
    // index and revision are byte for byte the fixture.
    const { vault: stored } = (await fakeBrowser.storage.local.get("vault")) as {
      vault: typeof fixture.vault;
    };
    expect(stored).toEqual({ ...fixture.vault, wrapped: stored.wrapped });
    expect(stored.wrapped.kdf).toMatchObject({ m: 65536, t: 6, p: 1 });
    expect(stored.wrapped.kdf.salt).not.toBe(fixture.vault.wrapped.kdf.salt);
    expect(await unwrapVaultKey(PASSWORD, stored.wrapped, 2)).toEqual({
      ok: true,
      vaultKey: b64(fixture.vaultKey),
    });
    // At today's cost, the next unlock writes nothing.
    await vaultService.lock();
    expect(await vaultService.unlock(PASSWORD)).toEqual({ ok: true });
    expect(await fakeBrowser.storage.local.get("vault")).toEqual({ vault: stored });
  });

  it("keeps the old wrapping, and the unlock, when the rewrite is refused", async () => {
    await fakeBrowser.storage.local.set({ schemaVersion: 2, vault: fixture.vault });
    const set = vi
      .spyOn(fakeBrowser.storage.local, "set")
      .mockRejectedValue(new Error("QUOTA_BYTES quota exceeded"));
    try {
      expect(await vaultService.unlock(PASSWORD)).toEqual({ ok: true });
    } finally {
      set.mockRestore();
    }
    expect(await fakeBrowser.storage.local.get("vault")).toEqual({ vault: fixture.vault });
    const list = await vaultService.list();
    expect(list.ok && list.value.entries).toHaveLength(2);
  });
});
