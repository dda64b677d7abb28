// What the passkey end-to-end tests share (passkey.test.ts, passkey-firefox.ts).
import type { Harness } from "./harness";
import { type Account, storedVault } from "./ui-flows";

export const ACME: Account = {
  name: "Acme",
  workspace: "acme",
  identifier: "marie.dupont",
  password: "pw-acme-1",
};
export const SET_UP = /^Set up passkey unlock/;
export const UNLOCK = /^Unlock with passkey/;
/** The set-up's master password field. */
export const CONFIRM = "Your master password, to confirm";
export const NOT_USED = "The passkey was not used";
export const DID_NOT_UNLOCK = "This passkey did not unlock the vault";

/** The vault as stored, parsed. */
export async function vaultObject(h: Harness) {
  return JSON.parse(await storedVault(h)) as { passkeys?: Record<string, string>[] };
}

/** Flips one bit of the first wrap's wrapped key in storage; returns the tampered vault. */
export async function tamperFirstWrap(h: Harness): Promise<unknown> {
  const stored = await vaultObject(h);
  const wrap = stored.passkeys![0]!;
  const key = Buffer.from(wrap.key!, "base64");
  key[3] = key[3]! ^ 1;
  const tampered = { ...stored, passkeys: [{ ...wrap, key: key.toString("base64") }] };
  await h.evalInExtension((browser, v) => browser.storage.local.set({ vault: v }), tampered);
  return tampered;
}
