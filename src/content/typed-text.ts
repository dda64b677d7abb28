// On a page-load fill, text already in the login window (typed by the user, or pre-filled by
// the page) must belong to the account being filled: half of one account and half of another
// must never be submitted together.
import type { FillCommand } from "../protocol";
import type { LoginWindow } from "./detect";

/** Does text already in the window belong to another account than `cmd`? */
export function conflictsWithTypedText(l: LoginWindow, cmd: FillCommand): boolean {
  const differs = (el: HTMLInputElement, want: string, fold: boolean) => {
    const have = el.value.trim();
    return (
      have !== "" &&
      (fold ? have.toLowerCase() !== want.trim().toLowerCase() : have !== want.trim())
    );
  };
  return (
    differs(l.workspace, cmd.workspace, true) ||
    differs(l.identifier, cmd.identifier, false) ||
    (l.password.value !== "" && l.password.value !== cmd.password)
  );
}
