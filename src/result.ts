// What every operation answers: a value, or a failure with an error code. Error codes double as
// i18n message keys (`err_<code>` in public/_locales), so every failure reaches the user as a
// translated sentence. Pure.

export type ErrorCode =
  | "forbidden"
  | "malformed"
  | "unknown_message"
  | "no_vault"
  | "vault_exists"
  | "locked"
  | "corrupt"
  | "wrong_password"
  | "too_many_attempts"
  | "weak_password"
  | "password_mismatch"
  | "kdf_too_weak"
  | "tampered"
  | "invalid_entry"
  | "duplicate_entry"
  | "not_found"
  | "stale_revision"
  | "storage_failed"
  | "invalid_settings"
  | "reset_confirmation"
  | "backup_not_ours"
  | "backup_truncated"
  | "backup_future_version"
  | "backup_too_large"
  | "backup_tampered"
  | "backup_invalid_entries"
  | "backup_wrong_password"
  | "login_no_window"
  | "login_unreachable"
  | "login_logout_failed"
  | "passkey_failed"
  | "passkey_cancelled"
  | "passkey_unsupported"
  | "passkey_limit"
  | "internal";

export interface Failure {
  ok: false;
  error: ErrorCode;
  /**
   * Field-level problems, e.g. `{ workspace: "empty" }`, for forms: keys are EntryInput fields,
   * "password" or "confirm"; values are i18n key suffixes.
   */
  fields?: Partial<Record<string, string>>;
  /** Extra detail for the message (e.g. the existing entry's name, seconds to wait). */
  detail?: string;
  retryAfterMs?: number;
}

export type Result<T = undefined> =
  ({ ok: true } & (T extends undefined ? unknown : { value: T })) | Failure;

export function fail(error: ErrorCode, extra: Omit<Failure, "ok" | "error"> = {}): Failure {
  return { ok: false, error, ...extra };
}
