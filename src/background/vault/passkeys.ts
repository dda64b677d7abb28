// Passkey unlock: the vault key wrapped again under each registered passkey's PRF output
// (src/crypto/passkey-wrap.ts), kept inside the stored vault (`passkeys`), so a change of master
// password — a new vault key (lifecycle.ts) — and an erase drop every wrap in the same write.
// The WebAuthn ceremony runs in the page; the PRF output arrives here with one message and is
// zeroed once used. Passkey failures count in the unlock throttle like wrong passwords.
import { importAesKey } from "../../crypto/aes-gcm";
import { base64ToBytes } from "../../crypto/base64";
import {
  PRF_OUTPUT_BYTES,
  PRF_SALT_BYTES,
  unwrapWithPasskey,
  wrapWithPasskey,
} from "../../crypto/passkey-wrap";
import type { PasskeyRequest, PasskeySummary } from "../../passkey-protocol";
import { fail, type Failure, type Result } from "../../result";
import { PASSKEY_NAME_MAX, parsePasskeys } from "../../storage/parse";
import type { StoredPasskey, StoredVault, VaultRecord } from "../../storage/schema";
import { serial } from "../serial";
import { unlocked } from "./entries";
import { keepVaultKey } from "./key";
import { openIndex } from "./sealed";
import { readVault, writeVault } from "./store";
import { checkMaster, countFailure, countSuccess, refusedForNow } from "./throttle";

/** More would only make the unlock's list of allowed credentials long. */
export const MAX_PASSKEYS = 10;
/** Credential ids are at most 1023 bytes (WebAuthn); base64 of that. */
const MAX_ID_CHARS = 1364;

const passkeysOf = (v: StoredVault): StoredPasskey[] => parsePasskeys(v.passkeys);

/** What a locked page asks the authenticator for (none for a vault without passkeys). */
export function passkeyRequests(v: VaultRecord): PasskeyRequest[] {
  if (typeof v !== "object" || v.format !== 2) return [];
  return passkeysOf(v).map(({ credentialId, salt }) => ({ credentialId, salt }));
}

async function formatTwo(): Promise<StoredVault | Failure> {
  const v = await readVault();
  if (v === "none") return fail("no_vault");
  if (v === "corrupt") return fail("corrupt");
  return v.format === 2 ? v : fail("locked");
}

export async function listPasskeys(): Promise<Result<{ passkeys: PasskeySummary[] }>> {
  const v = await formatTwo();
  if ("ok" in v) return v;
  const passkeys = passkeysOf(v).map(({ credentialId, name, createdAt }) => ({
    credentialId,
    name,
    createdAt,
  }));
  return { ok: true, value: { passkeys } };
}

/** The PRF output, if it is one (32 bytes of base64). */
function prfBytes(text: string): Uint8Array | null {
  const bytes = base64ToBytes(text);
  return bytes && bytes.length === PRF_OUTPUT_BYTES ? bytes : null;
}

const isCredentialId = (id: string) =>
  id.length <= MAX_ID_CHARS && (base64ToBytes(id)?.length ?? 0) > 0;

/**
 * The set-up's first step: whether `password` is the master password (unlocked vault), and
 * whether one more passkey fits.
 */
export function checkPassword(password: string): Promise<Result> {
  return serial(async () => {
    const u = await unlocked();
    if ("ok" in u) return u;
    const v = u.vault;
    // Refused before the page asks the authenticator for a credential it could not keep.
    if (passkeysOf(v).length >= MAX_PASSKEYS) return fail("passkey_limit");
    const r = await checkMaster(v, password);
    if (!r.ok) return r;
    r.vaultKey.fill(0);
    return { ok: true };
  });
}

export interface NewPasskey {
  password: string;
  credentialId: string;
  salt: string;
  prf: string;
  name: string;
}

/** Checks the master password, then stores the vault key wrapped under the passkey's PRF. */
export function addPasskey(p: NewPasskey, now = Date.now()): Promise<Result> {
  return serial(async () => {
    const prf = prfBytes(p.prf);
    try {
      const name = p.name.trim();
      if (!prf || !isCredentialId(p.credentialId)) return fail("malformed");
      if (base64ToBytes(p.salt)?.length !== PRF_SALT_BYTES) return fail("malformed");
      if (!name || name.length > PASSKEY_NAME_MAX) {
        return fail("malformed", { fields: { name: name ? "too_long" : "empty" } });
      }
      const u = await unlocked();
      if ("ok" in u) return u;
      const v = u.vault;
      const r = await checkMaster(v, p.password);
      if (!r.ok) return r;
      const kept = passkeysOf(v).filter((k) => k.credentialId !== p.credentialId);
      if (kept.length >= MAX_PASSKEYS) return fail("passkey_limit");
      const wrap = await wrapWithPasskey(r.vaultKey, prf, p.credentialId, p.salt);
      r.vaultKey.fill(0);
      return writeVault({ ...v, passkeys: [...kept, { ...wrap, name, createdAt: now }] });
    } finally {
      prf?.fill(0);
    }
  });
}

/** Forgets one passkey (the vault must be unlocked). */
export function removePasskey(credentialId: string): Promise<Result> {
  return serial(async () => {
    const u = await unlocked();
    if ("ok" in u) return u;
    const v = u.vault;
    const all = passkeysOf(v);
    const kept = all.filter((k) => k.credentialId !== credentialId);
    if (kept.length === all.length) return fail("not_found");
    const { passkeys: _dropped, ...rest } = v;
    return writeVault(kept.length ? { ...rest, passkeys: kept } : rest);
  });
}

/**
 * Unlocks with a passkey's PRF output. An unknown credential or a wrap that does not open (an
 * edited wrap, a wrong PRF output) counts as a failed attempt; a wrap that opens to a key which
 * does not open the vault's index is tampered storage. Either way nothing is kept.
 */
export function unlockWithPasskey(credentialId: string, prfText: string): Promise<Result> {
  return serial(async () => {
    const prf = prfBytes(prfText);
    try {
      if (!prf) return fail("malformed");
      const v = await readVault();
      if (v === "none") return fail("no_vault");
      if (v === "corrupt") return fail("corrupt");
      const refused = await refusedForNow();
      if (refused) return refused;
      const wrap =
        v.format === 2 ? passkeysOf(v).find((k) => k.credentialId === credentialId) : undefined;
      const raw = wrap ? await unwrapWithPasskey(prf, wrap) : null;
      if (!raw || v.format !== 2) return countFailure("passkey_failed");
      const opens = await openIndex(await importAesKey(raw), v);
      if (!opens.ok) return fail("tampered");
      await countSuccess();
      await keepVaultKey(raw);
      return { ok: true };
    } finally {
      prf?.fill(0);
    }
  });
}
