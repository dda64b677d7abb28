// Live master-password strength: checked as the user types (debounced: zxcvbn is not free) by
// the lazily loaded checker, shown as one sentence next to the field.
import { useEffect, useState } from "preact/hooks";
import { t, tMaybe } from "../src/i18n";
import type { Strength } from "./types";

export function useStrength(
  check: (password: string, userInputs?: string[]) => Promise<Strength>,
  password: string,
  userInputs?: string[],
): Strength | null {
  const [strength, setStrength] = useState<Strength | null>(null);
  useEffect(() => {
    if (!password) {
      setStrength(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void check(password, userInputs).then((s) => {
        if (current) setStrength(s);
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // userInputs only refine the verdict; the password is what changes as the user types.
  }, [password, check]);
  return strength;
}

export function strengthText(strength: Strength | null): string {
  if (!strength) return t("strengthHint");
  if (strength.ok) return t("strengthOk");
  if (strength.reason === "too_short") return t("strengthTooShort", strength.minLength);
  // zxcvbn's feedback is a key (no language pack loaded): translate it when we know it.
  const advice = strength.feedback ? tMaybe(`zx_${strength.feedback}`) : undefined;
  return advice ? `${t("strengthTooWeak")} ${advice}` : t("strengthTooWeak");
}

export function StrengthHint(props: { strength: Strength | null; id: string }) {
  const level = !props.strength ? "none" : props.strength.ok ? "ok" : "weak";
  return (
    <p class={`strength strength-${level}`} id={props.id} aria-live="polite">
      {strengthText(props.strength)}
    </p>
  );
}
