// First run: choose the master password. The E2E tests rely on the exact labels "Master
// password", "Confirm master password" and the button "Create vault".
import { useRef, useState } from "preact/hooks";
import type { Failure } from "../src/protocol";
import { fireAndForget } from "../src/fire-and-forget";
import { t } from "../src/i18n";
import { ErrorMessage, LiveRegion } from "../src/ui/error-message";
import { fieldErrorText } from "../src/ui/failure";
import { PasswordField } from "../src/ui/password-field";
import { useAutoFocus } from "../src/ui/use-focus";
import { StrengthHint, strengthText, useStrength } from "./strength";
import type { VaultActions } from "./types";

export function CreateVault(props: { actions: Pick<VaultActions, "create" | "checkStrength"> }) {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(props.actions.checkStrength, password);
  const passwordRef = useAutoFocus<HTMLInputElement>();
  const confirmRef = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    // Check now rather than trusting the debounced verdict, which may lag the last keystroke.
    const verdict = await props.actions.checkStrength(password);
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
    const r = await props.actions.create(password, confirm);
    setBusy(false);
    if (r.ok) return;
    const fields = {
      password: r.fields?.password ? fieldErrorText(r.fields.password) : undefined,
      confirm: r.fields?.confirm ? fieldErrorText(r.fields.confirm) : undefined,
    };
    setErrors(fields);
    setFailure(r);
    (fields.password ? passwordRef : confirmRef).current?.focus();
  };

  return (
    <section class="card" aria-labelledby="create-title">
      <h2 id="create-title">{t("createTitle")}</h2>
      <p>{t("createIntro")}</p>
      <p class="hint">{t("createNoRecovery")}</p>
      <form onSubmit={fireAndForget(submit)} noValidate>
        <PasswordField
          id="master-password"
          label={t("masterPassword")}
          value={password}
          onValue={(v) => {
            setPassword(v);
            setErrors((e) => ({ ...e, password: undefined }));
          }}
          error={errors.password}
          autoComplete="new-password"
          inputRef={passwordRef}
          describedBy={errors.password ? undefined : "master-strength"}
        />
        {/* A refused submit says the same thing on the field: one sentence is enough. */}
        {!errors.password && <StrengthHint strength={strength} id="master-strength" />}
        <PasswordField
          id="master-confirm"
          label={t("confirmMasterPassword")}
          value={confirm}
          onValue={(v) => {
            setConfirm(v);
            setErrors((e) => ({ ...e, confirm: undefined }));
          }}
          error={errors.confirm}
          autoComplete="new-password"
          inputRef={confirmRef}
        />
        <LiveRegion>
          <ErrorMessage failure={failure} />
        </LiveRegion>
        <div class="actions">
          <button
            type="submit"
            class="primary"
            disabled={busy}
            aria-busy={busy ? "true" : undefined}
          >
            {t("createVault")}
          </button>
        </div>
      </form>
    </section>
  );
}
