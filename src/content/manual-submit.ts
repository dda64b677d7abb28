// Notices when the USER submits the login window by hand (trusted submit, click on the submit
// control, or Enter in a field), so the background can offer to save what was typed. Our own
// programmatic submits are untrusted events and are ignored here.
import type { LoginWindow } from "./detect";

type Creds = { workspace: string; identifier: string; password: string };

export function watchManualSubmit(
  doc: Document,
  current: () => LoginWindow | null,
  onSubmit: (creds: Creds) => void,
): void {
  // A click on the button and the submit event it causes are one login: report it once.
  let last = "";
  const report = (e: Event) => {
    if (!e.isTrusted) return;
    const login = current();
    if (!login) return;
    const target = e.composedPath()[0];
    const isSubmit =
      e.type === "submit"
        ? login.password.form !== null && e.target === login.password.form
        : e.type === "keydown"
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
  };
  // Capture phase: the page may stop propagation or replace the DOM in its own handler.
  for (const type of ["submit", "click", "keydown"]) {
    doc.addEventListener(type, report, { capture: true });
  }
}
