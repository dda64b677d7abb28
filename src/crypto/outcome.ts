// The crypto layer's result type: a narrow error union per function, still assignable to the
// protocol's `Result<T>` / `Failure`, so background handlers can return it unchanged.
import type { ErrorCode } from "../protocol";

export type Outcome<T, E extends ErrorCode> = { ok: true; value: T } | { ok: false; error: E };

export const failure = <E extends ErrorCode>(error: E): { ok: false; error: E } => ({
  ok: false,
  error,
});
