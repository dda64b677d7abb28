// The crypto layer's result type: a narrow error union per function, still assignable to
// `Result<T>` / `Failure` (src/result.ts), so background handlers can return it unchanged.
import type { ErrorCode } from "../result";

export type Outcome<T, E extends ErrorCode> = { ok: true; value: T } | { ok: false; error: E };

export const failure = <E extends ErrorCode>(error: E): { ok: false; error: E } => ({
  ok: false,
  error,
});
