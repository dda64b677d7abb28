// Security → "Passkey unlock": the registered passkeys (name, date, Remove) and the set-up form,
// which asks for the master password before the passkey ceremony. Hidden where this browser
// cannot run a ceremony with the PRF extension (README, "Unlock with a passkey").
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { PasskeySummary } from "../src/passkey-protocol";
import type { Failure } from "../src/protocol";
import { fireAndForget } from "../src/fire-and-forget";
import { t } from "../src/i18n";
import { ErrorMessage, LiveRegion, OkMessage } from "../src/ui/error-message";
import { fieldErrorText } from "../src/ui/failure";
import { PasswordField } from "../src/ui/password-field";
import { TextField } from "../src/ui/text-field";
import type { PasskeyActions } from "./types";

export function PasskeySection(props: { actions: PasskeyActions; generation: number }) {
  const { actions } = props;
  const [supported, setSupported] = useState<boolean | null>(null);
  const [passkeys, setPasskeys] = useState<PasskeySummary[] | null>(null);
  const [name, setName] = useState(t("passkeyDefaultName"));
  const [password, setPassword] = useState("");
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    const r = await actions.list();
    if (r.ok) setPasskeys(r.value);
    else setFailure(r);
  }, [actions]);
  useEffect(() => {
    void actions.supported().then(setSupported);
  }, [actions]);
  useEffect(() => {
    void load();
  }, [load, props.generation]);

  if (!supported) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    setDone(null);
    const typed = passwordRef.current?.value ?? password;
    if (!typed) {
      setPasswordError(fieldErrorText("empty"));
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    const exclude = (passkeys ?? []).map((p) => p.credentialId);
    const r = await actions.add({
      name: name.trim() || t("passkeyDefaultName"),
      password: typed,
      exclude,
    });
    setBusy(false);
    if (r.ok) {
      setPassword("");
      setDone(t("passkeyAdded"));
      await load();
      return;
    }
    if (r.error === "wrong_password") {
      setPasswordError(t("err_wrong_password"));
      passwordRef.current?.focus();
      passwordRef.current?.select();
      return;
    }
    setFailure(r);
  };

  const remove = async (p: PasskeySummary) => {
    setFailure(null);
    const r = await actions.remove(p.credentialId);
    setDone(r.ok ? t("passkeyRemoved") : null);
    if (!r.ok) setFailure(r);
    await load();
  };

  return (
    <div class="subsection" aria-labelledby="passkey-title" role="group">
      <h3 id="passkey-title">{t("passkeyTitle")}</h3>
      <p class="hint">{t("passkeyExplain")}</p>
      <p class="hint">{t("passkeyChangeNote")}</p>
      {passkeys && passkeys.length === 0 && <p class="empty">{t("passkeyNone")}</p>}
      {passkeys && passkeys.length > 0 && (
        <ul class="taught-list" aria-label={t("passkeyListLabel")}>
          {passkeys.map((p) => (
            <li key={p.credentialId}>
              <strong>{p.name}</strong>{" "}
              <span>{t("passkeyAddedOn", new Date(p.createdAt).toLocaleDateString())}</span>{" "}
              <button
                type="button"
                aria-label={t("passkeyRemoveNamed", p.name)}
                onClick={fireAndForget(() => remove(p))}
              >
                {t("passkeyRemove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={fireAndForget(submit)} noValidate>
        <TextField label={t("passkeyName")} value={name} onValue={setName} />
        <PasswordField
          label={t("passkeyMasterPassword")}
          value={password}
          onValue={(v) => {
            setPassword(v);
            setPasswordError(null);
          }}
          error={passwordError}
          autoComplete="current-password"
          inputRef={passwordRef}
        />
        <LiveRegion>
          <OkMessage text={done} />
          <ErrorMessage failure={failure} />
        </LiveRegion>
        <div class="actions">
          <button
            type="submit"
            class="primary"
            disabled={busy}
            aria-busy={busy ? "true" : undefined}
          >
            {t("passkeySetUp")}
          </button>
        </div>
      </form>
    </div>
  );
}
