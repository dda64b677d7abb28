// The passkey unlock's part of the page → worker protocol (src/protocol.ts joins it into
// PageMessages). A PRF output travels only inside "passkey.add" and "passkey.unlock", base64,
// and the worker keeps nothing derived from it but the wrapped vault key. Pure.
import type { Result } from "./result";

/** A registered passkey, as the options page lists it. */
export interface PasskeySummary {
  /** The credential id, base64. */
  credentialId: string;
  name: string;
  createdAt: number;
}

/** What a page needs to ask an authenticator for a passkey's PRF output: nothing secret. */
export interface PasskeyRequest {
  credentialId: string;
  /** The PRF input of this passkey, base64 (32 random bytes drawn at set-up). */
  salt: string;
}

export interface PasskeyMessages {
  "passkey.list": [undefined, Result<{ passkeys: PasskeySummary[] }>];
  /**
   * The set-up's first step: the master password, checked (and throttled) as an unlock would,
   * before the page asks the authenticator for a new credential. Changes nothing.
   */
  "passkey.checkPassword": [{ password: string }, Result];
  /**
   * Registers a passkey created in the page: the master password is checked (and throttled) as
   * an unlock would, and the vault key is wrapped under the PRF output for `salt`.
   */
  "passkey.add": [
    { password: string; credentialId: string; salt: string; prf: string; name: string },
    Result,
  ];
  "passkey.remove": [{ credentialId: string }, Result];
  /** Unlocks with the PRF output the page got from the authenticator for that credential. */
  "passkey.unlock": [{ credentialId: string; prf: string }, Result];
}
