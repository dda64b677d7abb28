// The one form for a saved workspace (popup quick add, options add/edit). It keeps what the user
// typed across failures (duplicate, stale revision…) and maps field errors onto the fields.
import { useEffect, useRef, useState } from "preact/hooks";
import type { EntryInput, Failure } from "../protocol";
import { fireAndForget } from "../fire-and-forget";
import { t } from "../i18n";
import { fieldErrorText } from "./failure";
import { ErrorMessage, LiveRegion } from "./error-message";
import { PasswordField } from "./password-field";
import { TextField } from "./text-field";
import { useAutoFocus } from "./use-focus";

export type Outcome = { ok: true } | Failure;
type FieldErrors = Partial<Record<keyof EntryInput, string>>;

export interface EntryFormProps {
  /** Accessible name of the form, e.g. "Add workspace". */
  label: string;
  initial?: Partial<EntryInput>;
  onSave: (input: EntryInput) => Promise<Outcome>;
  onCancel: () => void;
  onCopy?: (value: string) => Promise<string>;
  /** The field that takes focus on open: the first one the user still has to fill. */
  focus?: keyof EntryInput;
}

const ORDER: (keyof EntryInput)[] = ["name", "workspace", "identifier", "password"];

export function EntryForm(props: EntryFormProps) {
  const [values, setValues] = useState<EntryInput>({
    name: props.initial?.name ?? "",
    workspace: props.initial?.workspace ?? "",
    identifier: props.initial?.identifier ?? "",
    password: props.initial?.password ?? "",
  });
  // The stored entry changed under the form (another window saved it): fields the user has not
  // touched follow the new stored values, fields they edited keep their text.
  const base = useRef(props.initial);
  useEffect(() => {
    const previous = base.current;
    base.current = props.initial;
    if (previous === props.initial || !props.initial) return;
    const next = props.initial;
    setValues((v) => {
      const merged = { ...v };
      for (const key of ORDER) {
        if (v[key] === (previous?.[key] ?? "") && next[key] !== undefined) merged[key] = next[key];
      }
      return merged;
    });
  }, [props.initial]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    name: useAutoFocus<HTMLInputElement>(props.focus === "name"),
    workspace: useAutoFocus<HTMLInputElement>(props.focus === "workspace"),
    identifier: useAutoFocus<HTMLInputElement>(props.focus === "identifier"),
    password: useAutoFocus<HTMLInputElement>(props.focus === "password"),
  };
  const inFlight = useRef(false);

  const set = (key: keyof EntryInput) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    const first = ORDER.find((k) => next[k]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (inFlight.current) return;
    const input: EntryInput = {
      name: values.name.trim(),
      workspace: values.workspace.trim(),
      identifier: values.identifier.trim(),
      password: values.password,
    };
    // Same rule as the background, checked here so the user gets it without a round trip.
    const missing: FieldErrors = {};
    for (const key of ["workspace", "identifier", "password"] as const) {
      if (!input[key]) missing[key] = "empty";
    }
    setFailure(null);
    if (Object.keys(missing).length) return showErrors(missing);
    inFlight.current = true;
    setBusy(true);
    const r = await props.onSave(input);
    inFlight.current = false;
    setBusy(false);
    if (r.ok) return;
    const fields: FieldErrors = {};
    for (const key of ORDER) {
      const v = r.fields?.[key];
      if (v) fields[key] = v;
    }
    setFailure(Object.keys(fields).length ? null : r);
    showErrors(fields);
  };

  const err = (key: keyof EntryInput) => (errors[key] ? fieldErrorText(errors[key]) : null);
  return (
    <form class="entry-form" aria-label={props.label} onSubmit={fireAndForget(submit)} noValidate>
      <TextField
        label={t("fieldName")}
        hint={t("fieldNameHint")}
        value={values.name}
        onValue={set("name")}
        inputRef={refs.name}
        error={err("name")}
      />
      <TextField
        label={t("fieldWorkspace")}
        value={values.workspace}
        onValue={set("workspace")}
        inputRef={refs.workspace}
        error={err("workspace")}
      />
      <TextField
        label={t("fieldIdentifier")}
        value={values.identifier}
        onValue={set("identifier")}
        inputRef={refs.identifier}
        error={err("identifier")}
      />
      <PasswordField
        label={t("fieldPassword")}
        value={values.password}
        onValue={set("password")}
        inputRef={refs.password}
        error={err("password")}
        onCopy={props.onCopy}
      />
      <LiveRegion>
        <ErrorMessage failure={failure} />
      </LiveRegion>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} aria-busy={busy ? "true" : undefined}>
          {t("save")}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
