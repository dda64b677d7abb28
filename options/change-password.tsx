// Change the master password: current, new (with live strength), confirm. The background
// re-wraps the vault key; the saved workspaces themselves are untouched.
import { useRef, useState } from "preact/hooks";
import type { Failure } from "../src/protocol";
import { fireAndForget } from "../src/fire-and-forget";
import { t } from "../src/i18n";
import { ErrorMessage, LiveRegion, OkMessage } from "../src/ui/error-message";
import { failureText, fieldErrorText } from "../src/ui/failure";
import { PasswordField } from "../src/ui/password-field";
import { StrengthHint, strengthText, useStrength } from "./strength";
import type { VaultActions } from "./types";

type Field = "current" | "next" | "confirm";

export function ChangePassword(props: {
  actions: Pick<VaultActions, "changePassword" | "checkStrength">;
  /** The user's workspaces and identifiers make poor master passwords. */
  userInputs: string[];
}) {
  const [values, setValues] = useState<Record<Field, string>>({
    current: "",
    next: "",
    confirm: "",
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(props.actions.checkStrength, values.next, props.userInputs);
  const refs = {
    current: useRef<HTMLInputElement>(null),
    next: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  const set = (key: Field) => (v: string) => {
    setValues((s) => ({ ...s, [key]: v }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setDone(false);
  };
  const refuse = (key: Field, text: string) => {
    setErrors({ [key]: text });
    refs[key].current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (!values.current) return refuse("current", fieldErrorText("empty"));
    const verdict = await props.actions.checkStrength(values.next, props.userInputs);
    if (!verdict.ok) return refuse("next", strengthText(verdict));
    if (values.next !== values.confirm) return refuse("confirm", fieldErrorText("mismatch"));
    setBusy(true);
    const r = await props.actions.changePassword(values);
    setBusy(false);
    if (r.ok) {
      setValues({ current: "", next: "", confirm: "" });
      setErrors({});
      setDone(true);
      return;
    }
    if (r.error === "wrong_password") return refuse("current", failureText(r));
    if (r.fields?.confirm) return refuse("confirm", fieldErrorText(r.fields.confirm));
    if (r.fields?.password) return refuse("next", fieldErrorText(r.fields.password));
    setFailure(r);
  };

  return (
    <form onSubmit={fireAndForget(submit)} noValidate aria-labelledby="change-title">
      <h3 id="change-title">{t("changePasswordTitle")}</h3>
      <PasswordField
        label={t("currentMasterPassword")}
        value={values.current}
        onValue={set("current")}
        error={errors.current}
        autoComplete="current-password"
        inputRef={refs.current}
      />
      <PasswordField
        label={t("newMasterPassword")}
        value={values.next}
        onValue={set("next")}
        error={errors.next}
        autoComplete="new-password"
        inputRef={refs.next}
        describedBy={errors.next ? undefined : "new-strength"}
      />
      {!errors.next && <StrengthHint strength={strength} id="new-strength" />}
      <PasswordField
        label={t("confirmNewMasterPassword")}
        value={values.confirm}
        onValue={set("confirm")}
        error={errors.confirm}
        autoComplete="new-password"
        inputRef={refs.confirm}
      />
      <LiveRegion>
        <OkMessage text={done ? t("passwordChanged") : null} />
        <ErrorMessage failure={failure} />
      </LiveRegion>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t("changePasswordButton")}
        </button>
      </div>
    </form>
  );
}
