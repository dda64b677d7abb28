// Live master-password strength: checked as the user types (debounced: zxcvbn is not free) by
// the lazily loaded checker, shown as one sentence next to the field.
import { useEffect, useRef, useState } from "preact/hooks";
import { t, tMaybe } from "../src/i18n";
import type { Strength } from "./types";

export function useStrength(
  check: (password: string, userInputs?: string[]) => Promise<Strength>,
  password: string,
  userInputs?: string[],
): Strength | null {
  const [strength, setStrength] = useState<Strength | null>(null);
  // userInputs only refine the verdict; the password is what changes as the user types. The
  // check below starts on a new password only, with the inputs of that render.
  const latestInputs = useRef(userInputs);
  useEffect(() => {
    latestInputs.current = userInputs;
  });
  useEffect(() => {
    if (!password) {
      setStrength(null);
      return;
    }
    let current = true;
    const inputs = latestInputs.current;
    const timer = setTimeout(() => {
      void check(password, inputs).then((s) => {
        if (current) setStrength(s);
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
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
