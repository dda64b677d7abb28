// Export: the background cannot reuse the master password (it never keeps it), so the backup is
// always encrypted with a password typed here — the master password or another one. That
// password guards every saved one, so it is held to the master password's rule (live strength,
// checked again on submit; the background enforces the length). Import has no such rule: there
// the user types an existing backup's password, whatever it was.
import { useRef, useState } from "preact/hooks";
import type { Failure } from "../src/protocol";
import { fireAndForget } from "../src/fire-and-forget";
import { t } from "../src/i18n";
import { ErrorMessage, LiveRegion, OkMessage } from "../src/ui/error-message";
import { fieldErrorText } from "../src/ui/failure";
import { PasswordField } from "../src/ui/password-field";
import { StrengthHint, strengthText, useStrength } from "./strength";
import type { BackupActions } from "./types";

export function BackupExport(props: {
  exportTo: BackupActions["exportTo"];
  checkStrength: BackupActions["checkStrength"];
  /** The user's workspaces and identifiers make poor passwords. */
  userInputs?: string[];
}) {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const strength = useStrength(props.checkStrength, password, props.userInputs);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    setFailure(null);
    if (!password) {
      setErrors({ password: fieldErrorText("empty") });
      return passwordRef.current?.focus();
    }
    // Check now rather than trusting the debounced verdict, which may lag the last keystroke.
    const verdict = await props.checkStrength(password, props.userInputs);
    if (!verdict.ok) {
      setErrors({ password: strengthText(verdict) });
      return passwordRef.current?.focus();
    }
    if (password !== confirm) {
      setErrors({ confirm: fieldErrorText("mismatch") });
      return confirmRef.current?.focus();
    }
    setErrors({});
    setBusy(true);
    const r = await props.exportTo(password);
    setBusy(false);
    if (!r.ok) {
      const refused = r.fields?.password;
      if (refused) {
        setErrors({ password: fieldErrorText(refused) });
        passwordRef.current?.focus();
      }
      return setFailure(r);
    }
    setPassword("");
    setConfirm("");
    setDone(t("exportDone", r.value));
  };

  return (
    <form onSubmit={fireAndForget(submit)} noValidate aria-labelledby="export-title">
      <h3 id="export-title">{t("exportTitle")}</h3>
      <p class="hint">{t("exportExplain")}</p>
      <PasswordField
        id="export-password"
        label={t("exportPassword")}
        value={password}
        onValue={(v) => {
          setPassword(v);
          setErrors((e) => ({ ...e, password: undefined }));
        }}
        error={errors.password}
        autoComplete="new-password"
        inputRef={passwordRef}
        describedBy={errors.password ? undefined : "export-strength"}
      />
      {/* A refused submit says the same thing on the field: one sentence is enough. */}
      {!errors.password && <StrengthHint strength={strength} id="export-strength" />}
      <PasswordField
        label={t("exportPasswordConfirm")}
        value={confirm}
        onValue={setConfirm}
        error={errors.confirm}
        autoComplete="new-password"
        inputRef={confirmRef}
      />
      <LiveRegion>
        <OkMessage text={done} />
        <ErrorMessage failure={failure} />
      </LiveRegion>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} aria-busy={busy ? "true" : undefined}>
          {t("exportButton")}
        </button>
      </div>
    </form>
  );
}
