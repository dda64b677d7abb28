// The KDF header stored next to every password-wrapped secret, and the pure check run on it
// BEFORE any key derivation. Without the check, whoever can write our storage (or hand us a
// backup file) could lower the Argon2id cost and make the password cheap to brute-force, or
// raise it absurdly to freeze the browser.
import { base64ToBytes, bytesToBase64 } from "./base64";
import { isRecord } from "../guards";
import { randomBytes, type Bytes } from "./bytes";
import { failure, type Outcome } from "./outcome";

export interface KdfHeader {
  alg: "argon2id";
  /** Argon2 version 0x13. */
  v: 19;
  /** Memory in KiB. */
  m: number;
  /** Passes. */
  t: number;
  /** Lanes. */
  p: number;
  /** 16 random bytes, base64. */
  salt: string;
}

export const SALT_BYTES = 16;
/**
 * What a new secret is wrapped with: 64 MiB as in RFC 9106 §4 (second recommended option), one
 * lane (hash-wasm runs lanes one after another, so p > 1 would give an attacker parallelism and
 * us nothing), and 6 passes where the RFC says 3: on quiet moments of our 2-core bench machine
 * an unlock in Firefox took as little as 0.27 s with 3 passes, 0.29 s with 4 and 0.31 s with 5,
 * under or just over the 0.3 s the unlock must at least cost (bench/README.md, "Unlock").
 * Secrets wrapped with 3 to 5 passes still open (3 is the minimum), and a vault is wrapped again
 * at this cost when the master password next unlocks it (src/background/vault/lifecycle.ts).
 */
export const KDF_DEFAULT = { m: 65536, t: 6, p: 1 } as const;
export const KDF_MIN = { m: 65536, t: 3, p: 1 } as const;

/** Whether a secret was wrapped at less work (memory × passes) than a new one gets today. */
export function belowDefaultCost(h: Pick<KdfHeader, "m" | "t">): boolean {
  return h.m * h.t < KDF_DEFAULT.m * KDF_DEFAULT.t;
}

/**
 * Anything above is refused as malformed, before any derivation. We only ever write
 * KDF_DEFAULT; the headroom is for a later version raising the cost. A header is read before
 * the password is known to be right (a backup file anyone can hand us, or tampered storage), so
 * its cost is a denial of service: Argon2id's time grows with memory × passes, and the minimum
 * takes ~0.3–0.4 s in the browsers (bench/README.md, "Unlock"). Memory and passes may each be
 * up to 4× the minimum (256 MiB, 12 passes), but their product at most 8× (~3 s): enough for a
 * later version to raise one of them 4× or both 2×, never the 16× (~6 s) both maxima would make.
 */
export const KDF_MAX = {
  m: 4 * KDF_MIN.m,
  t: 4 * KDF_MIN.t,
  work: 8 * KDF_MIN.m * KDF_MIN.t,
} as const;

declare const checked: unique symbol;
/** A header that passed `checkKdfHeader`; only this type can reach the derivation. */
export type CheckedKdf = { readonly header: KdfHeader; readonly salt: Bytes } & {
  readonly [checked]: true;
};

const KEYS = ["alg", "v", "m", "t", "p", "salt"];

export function newKdfHeader(): CheckedKdf {
  const salt = randomBytes(SALT_BYTES);
  const header: KdfHeader = { alg: "argon2id", v: 19, ...KDF_DEFAULT, salt: bytesToBase64(salt) };
  return { header, salt } as CheckedKdf;
}

export function checkKdfHeader(raw: unknown): Outcome<CheckedKdf, "kdf_too_weak" | "malformed"> {
  if (!isRecord(raw)) return failure("malformed");
  const keys = Object.keys(raw);
  if (keys.length !== KEYS.length || !KEYS.every((k) => Object.hasOwn(raw, k))) {
    return failure("malformed");
  }
  const { alg, v, m, t, p, salt } = raw;
  const nums = [v, m, t, p];
  if (typeof alg !== "string" || typeof salt !== "string" || !nums.every(Number.isSafeInteger)) {
    return failure("malformed");
  }
  const [nv, nm, nt, np] = nums as [number, number, number, number];
  const saltBytes = base64ToBytes(salt);
  if (!saltBytes) return failure("malformed");
  const weak =
    alg !== "argon2id" ||
    nv !== 19 ||
    nm < KDF_MIN.m ||
    nt < KDF_MIN.t ||
    np !== KDF_MIN.p ||
    saltBytes.length !== SALT_BYTES;
  if (weak) return failure("kdf_too_weak");
  if (nm > KDF_MAX.m || nt > KDF_MAX.t || nm * nt > KDF_MAX.work) return failure("malformed");
  const header: KdfHeader = { alg: "argon2id", v: 19, m: nm, t: nt, p: np, salt };
  return { ok: true, value: { header, salt: saltBytes } as CheckedKdf };
}

/**
 * One fixed text for a header, used as AES-GCM associated data so that any edit to the stored
 * parameters makes decryption fail even where the edit would not change the derived key.
 */
export function canonicalKdf(h: KdfHeader): string {
  return `alg=${h.alg};v=${h.v};m=${h.m};t=${h.t};p=${h.p};salt=${h.salt}`;
}
