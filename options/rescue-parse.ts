// Adapts the hash-URL parser's results to what the rescue preview shows. Pure.
import { parseBookmarkList, stripPassword } from "../src/hash-url";
import type { RescueLine } from "./types";

export function parseRescueText(text: string): RescueLine[] {
  return parseBookmarkList(text).map((r): RescueLine => {
    if (!r.ok) {
      // A lookalike address may still carry a password: never echo it back.
      return { ok: false, line: r.line, safeText: stripPassword(r.text) };
    }
    const f = r.fragment;
    return {
      ok: true,
      line: r.line,
      workspace: f.workspace,
      identifier: f.identifier,
      password: f.hasPassword ? f.password : undefined,
      safeUrl: r.safeUrl,
    };
  });
}
