// Notices when the USER submits the login window by hand (a click on the submit control, or
// Enter in a field), so the background can offer to save what was typed. Only the user's own
// input events count: a `submit` event is trusted even when a page script calls
// `requestSubmit()`, so it is not listened to — a page must not plant a save prompt
// (test/e2e/adversarial-spoofing.test.ts). Our own programmatic clicks are untrusted too.
import type { Credentials } from "../protocol";
import type { LoginWindow } from "./detect";
import { timed } from "./cost-probe";

export function watchManualSubmit(
  doc: Document,
  current: () => LoginWindow | null,
  onSubmit: (creds: Credentials) => void,
): void {
  // Enter then a click, or a double click, are one login: report it once.
  let last = "";
  const report = timed("event", (e: Event) => {
    if (!e.isTrusted) return;
    const login = current();
    if (!login) return;
    const target = e.composedPath()[0];
    const isSubmit =
      e.type === "keydown"
        ? (e as KeyboardEvent).key === "Enter" &&
          [login.workspace, login.identifier, login.password].includes(target as HTMLInputElement)
        : login.submit !== null && target instanceof Node && login.submit.contains(target);
    if (!isSubmit) return;
    const creds = {
      workspace: login.workspace.value,
      identifier: login.identifier.value,
      password: login.password.value,
    };
    if (!creds.workspace || !creds.identifier || !creds.password) return;
    const key = JSON.stringify(creds);
    if (key === last) return;
    last = key;
    onSubmit(creds);
  });
  // Capture phase: the page may stop propagation or replace the DOM in its own handler.
  for (const type of ["click", "keydown"]) {
    doc.addEventListener(type, report, { capture: true });
  }
}
