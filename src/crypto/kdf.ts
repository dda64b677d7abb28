// Password → AES key: Argon2id (hash-wasm) stretches the password, then HKDF-SHA-256 (WebCrypto)
// derives one key per purpose, so the key that wraps the vault key can never decrypt a backup
// and vice versa, even when the user picks the same password for both.
import { argon2id } from "hash-wasm";
import { utf8, type Bytes } from "./bytes";
import type { CheckedKdf } from "./kdf-header";

export type KeyPurpose = "wrap" | "backup";

/**
 * HKDF `info` labels. Changing one makes every existing vault, backup or passkey wrap
 * undecryptable. `passkey` derives from a passkey's PRF output, not from a password
 * (src/crypto/passkey-wrap.ts).
 */
export const HKDF_INFO: Readonly<Record<KeyPurpose | "passkey", string>> = {
  wrap: "iamoffice-login/v1/wrap",
  backup: "iamoffice-login/v1/backup",
  passkey: "iamoffice-login/v1/passkey-wrap",
};

const ARGON2_OUTPUT_BYTES = 32;

/**
 * The same password typed on macOS (often decomposed: e + U+0301) and on Windows (precomposed
 * é) must unlock the same vault, so passwords are NFC-normalised before hashing.
 */
export function passwordBytes(password: string): Bytes {
  return utf8(password.normalize("NFC"));
}

/** Raw Argon2id; exported for the known-answer tests of our parameter mapping. */
export async function argon2idRaw(
  password: Bytes,
  salt: Bytes,
  cost: { m: number; t: number; p: number },
): Promise<Bytes> {
  const out = await argon2id({
    password,
    salt,
    iterations: cost.t,
    parallelism: cost.p,
    memorySize: cost.m,
    hashLength: ARGON2_OUTPUT_BYTES,
    outputType: "binary",
  });
  return new Uint8Array(out);
}

/**
 * Derives a non-extractable AES-256-GCM key. Takes only a `CheckedKdf`, so the minimum and
 * maximum cost checks are guaranteed to have run before any memory is spent. May reject if the
 * environment cannot allocate Argon2's memory; callers turn that into a Result.
 */
export async function deriveKey(
  password: string,
  kdf: CheckedKdf,
  purpose: KeyPurpose,
): Promise<CryptoKey> {
  const pw = passwordBytes(password);
  const ikm = await argon2idRaw(pw, kdf.salt, kdf.header);
  try {
    const base = await crypto.subtle.importKey("raw", ikm, "HKDF", false, ["deriveKey"]);
    // The Argon2 salt doubles as HKDF salt: non-empty (some engines have refused empty HKDF
    // salts) and already unique per header.
    return await crypto.subtle.deriveKey(
      { name: "HKDF", hash: "SHA-256", salt: kdf.salt, info: utf8(HKDF_INFO[purpose]) },
      base,
      { name: "AES-GCM", length: 256 },
      false,
      ["encrypt", "decrypt"],
    );
  } finally {
    // Best effort: JS gives no guarantee, but do not leave the stretched secret lying around.
    ikm.fill(0);
    pw.fill(0);
  }
}
