// "Master password" + "Unlock", shared by the popup and the options page. A wrong password is
// said plainly, the field is selected for retyping, and the growing retry delay is honoured.
// With passkeys set up, "Unlock with passkey" comes first (src/ui/passkey-unlock.tsx).
import { useId, useRef, useState } from "preact/hooks";
import type { Failure } from "../protocol";
import { fireAndForget } from "../fire-and-forget";
import { t } from "../i18n";
import { failureText, seconds } from "./failure";
import { ErrorMessage, LiveRegion } from "./error-message";
import { PasskeyUnlockButton } from "./passkey-unlock";
import { PasswordField } from "./password-field";
import { useAutoFocus } from "./use-focus";
import { useWaitUntil } from "./use-wait";
import type { Outcome } from "./entry-form";

export interface UnlockFormProps {
  onUnlock: (password: string) => Promise<Outcome>;
  /** Delay still running from earlier failures (vault.status). */
  retryAfterMs: number;
  autoFocus?: boolean;
  /** The passkey unlock, when passkeys are set up and the page can run the ceremony. */
  onPasskey?: (() => Promise<Outcome>) | undefined;
}

/** Below this the delay is just message latency, not a throttle worth mentioning. */
const NOTICEABLE_MS = 500;

export function UnlockForm(props: UnlockFormProps) {
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<Failure | null>(
    props.retryAfterMs > NOTICEABLE_MS
      ? { ok: false, error: "too_many_attempts", retryAfterMs: props.retryAfterMs }
      : null,
  );
  const [busy, setBusy] = useState(false);
  const wait = useWaitUntil(props.retryAfterMs > NOTICEABLE_MS ? props.retryAfterMs : 0);
  const input = useAutoFocus<HTMLInputElement>((props.autoFocus ?? true) && !props.onPasskey);
  const inFlight = useRef(false);
  const errorId = `unlock-error${useId()}`;

  /** A passkey or password that did not unlock: its reason, and the password field. */
  const fallBack = (r: Failure) => {
    setFailure(r);
    if ((r.retryAfterMs ?? 0) > NOTICEABLE_MS) wait.waitFor(r.retryAfterMs ?? 0);
    input.current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (inFlight.current || wait.waiting) return;
    // The DOM value, not state: a password manager may fill the field without an input event.
    const typed = input.current?.value ?? password;
    if (!typed) {
      setFailure({ ok: false, error: "malformed", fields: { password: "empty" } });
      input.current?.focus();
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setFailure(null);
    const r = await props.onUnlock(typed);
    inFlight.current = false;
    setBusy(false);
    if (r.ok) return;
    fallBack(r);
    input.current?.select();
  };

  const message = (f: Failure) => {
    if (f.fields?.password) return t("enterMasterPassword");
    const counted = f.error === "wrong_password" || f.error === "passkey_failed";
    return counted && (f.retryAfterMs ?? 0) > NOTICEABLE_MS
      ? `${failureText(f)} ${t("retryIn", seconds(f.retryAfterMs))}`
      : failureText(f);
  };

  return (
    <form class="unlock-form" onSubmit={fireAndForget(submit)} noValidate>
      {props.onPasskey && (
        <PasskeyUnlockButton
          onUnlock={props.onPasskey}
          onStart={() => setFailure(null)}
          onFailure={fallBack}
          disabled={busy || wait.waiting}
        />
      )}
      <PasswordField
        label={t("masterPassword")}
        value={password}
        onValue={setPassword}
        autoComplete="current-password"
        inputRef={input}
        invalid={failure !== null}
        describedBy={failure ? errorId : undefined}
      />
      <LiveRegion>
        <ErrorMessage
          id={errorId}
          failure={failure}
          text={failure ? message(failure) : undefined}
        />
      </LiveRegion>
      <div class="actions">
        <button
          type="submit"
          class="primary"
          disabled={busy || wait.waiting}
          aria-busy={busy ? "true" : undefined}
        >
          {t("unlock")}
        </button>
      </div>
    </form>
  );
}
