// Master-password strength, as the options page shows it while a password is chosen: the
// length rule (src/master-password.ts) AND a zxcvbn score of 3 or more. Its own module because
// zxcvbn's dictionaries weigh ~1 MB: only the options page loads it, lazily; the worker enforces
// the cheap length rule alone.
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { isLongEnough } from "../master-password";

export { MIN_MASTER_LENGTH } from "../master-password";
export const MIN_SCORE = 3;
/**
 * zxcvbn's matching grows faster than linearly (900 characters took over a second here), and
 * the synchronous API ignores its own maxLength, so only this prefix is scored.
 */
const SCORED_LENGTH = 100;

export type StrengthVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: "too_short" | "too_weak";
      /**
       * zxcvbn's warning or first suggestion as a key (e.g. "straightRow", "commonNames"):
       * no language pack is loaded, so the UI translates it through its own i18n messages.
       */
      feedback?: string;
    };

// Words an attacker targeting this product would try first.
const PRODUCT_WORDS = ["iamoffice", "iamoffice-login", "soft.iamoffice.net", "iamoffice.net"];

let configured = false;
function configure(): void {
  if (configured) return;
  // Common dictionaries plus keyboard graphs (qwerty and azerty: our users are often French).
  zxcvbnOptions.setOptions({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  configured = true;
}

/** `userInputs`: the user's own workspaces and identifiers, which make poor passwords. */
export function checkMasterPassword(
  password: string,
  { userInputs = [] }: { userInputs?: string[] } = {},
): StrengthVerdict {
  if (!isLongEnough(password)) return { ok: false, reason: "too_short" };
  const normalized = password.normalize("NFC");
  configure();
  // Always pass the list: zxcvbn keeps user inputs in global options until the next call sets them.
  const result = zxcvbn(normalized.slice(0, SCORED_LENGTH), [...PRODUCT_WORDS, ...userInputs]);
  if (result.score >= MIN_SCORE) return { ok: true };
  const feedback = result.feedback.warning || result.feedback.suggestions[0];
  return feedback ? { ok: false, reason: "too_weak", feedback } : { ok: false, reason: "too_weak" };
}
