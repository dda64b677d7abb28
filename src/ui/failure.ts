// Turns a background Failure into the sentence the user reads. Error codes are message keys
// (`err_<code>`); a few codes need their detail or delay substituted.
import type { ErrorCode, Failure, Result } from "../protocol";
import { t, tDynamic, type MessageKey } from "../i18n";

/** Compile-time proof that every ErrorCode has a catalogue entry. */
const errorKey = (code: ErrorCode): MessageKey => `err_${code}`;

export function seconds(ms: number | undefined): number {
  return Math.max(1, Math.ceil((ms ?? 0) / 1000));
}

export function failureText(failure: Failure): string {
  switch (failure.error) {
    case "too_many_attempts":
      return t("err_too_many_attempts", seconds(failure.retryAfterMs));
    case "duplicate_entry":
      return t("err_duplicate_entry", failure.detail ?? "");
    case "reset_confirmation":
      return t("err_reset_confirmation", failure.detail ?? t("resetConfirmWord"));
    default:
      return tDynamic(errorKey(failure.error), "err_internal");
  }
}

/** Field-level problems come as key suffixes (`empty`, `too_long`…); unknown ones stay readable. */
export function fieldErrorText(suffix: string): string {
  return tDynamic(`fieldErr_${suffix}`, "fieldErr_invalid");
}

/** A thrown error (background asleep, extension reloaded…) becomes an ordinary Failure. */
export function toFailure(error: unknown): Failure {
  void error; // Its text may be English-only or hold internals: the user gets err_internal.
  return { ok: false, error: "internal" };
}

/** Awaits a message promise and never throws: UIs only ever deal with Results. */
export async function settle<T>(promise: Promise<Result<T>>): Promise<Result<T>> {
  try {
    const r = await promise;
    // A background that answers nothing (no listener yet) resolves undefined.
    return r ?? toFailure(undefined);
  } catch (error) {
    return toFailure(error);
  }
}
