// Adapts the hash-URL parser's results to what the rescue preview shows. Pure.
import {
  parseIamOfficeUrl,
  readIamOfficePassword,
  splitBookmarkList,
  stripPassword,
  type PasswordReading,
} from "../src/hash-url";
import type { AddressPassword, RescueLine } from "./types";

/** The password fields of a line or a bookmark, from the parser's reading. */
export function addressPassword(reading: PasswordReading | null): AddressPassword {
  if (reading?.kind === "exact") return { password: reading.password };
  if (reading?.kind === "ambiguous") return { candidates: reading.candidates };
  return {};
}

export function parseRescueText(text: string): RescueLine[] {
  return splitBookmarkList(text).map(({ line, token }): RescueLine => {
    const f = parseIamOfficeUrl(token);
    if (!f) {
      // A lookalike address may still carry a password: never echo it back.
      return { ok: false, line, safeText: stripPassword(token) };
    }
    return {
      ok: true,
      line,
      workspace: f.workspace,
      identifier: f.identifier,
      safeUrl: stripPassword(token),
      ...addressPassword(readIamOfficePassword(token)),
    };
  });
}
