// Password input with a show/hide toggle (aria-pressed keeps one stable accessible name) and an
// optional copy button. The value never goes into an attribute other than the input's value.
import { useState } from "preact/hooks";
import type { Ref } from "preact";
import { t } from "../i18n";
import { TextField } from "./text-field";
import { LiveRegion, OkMessage } from "./error-message";

export interface PasswordFieldProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | null;
  hint?: string;
  autoComplete?: "current-password" | "new-password" | "off";
  inputRef?: Ref<HTMLInputElement>;
  onKeyDown?: (event: KeyboardEvent) => void;
  /** Copies the value; resolves to the confirmation to announce. */
  onCopy?: (value: string) => Promise<string>;
  id?: string;
  invalid?: boolean;
  describedBy?: string;
}

export function PasswordField(props: PasswordFieldProps) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = props.onCopy;
  return (
    <div class="password-field">
      <TextField
        id={props.id}
        label={props.label}
        value={props.value}
        onValue={props.onValue}
        error={props.error}
        hint={props.hint}
        type={shown ? "text" : "password"}
        autoComplete={props.autoComplete ?? "off"}
        inputRef={props.inputRef}
        onKeyDown={props.onKeyDown}
        invalid={props.invalid}
        describedBy={props.describedBy}
        after={
          <>
            <button
              type="button"
              class="toggle"
              aria-pressed={shown ? "true" : "false"}
              onClick={() => setShown(!shown)}
            >
              {t("showPassword")}
            </button>
            {copy && (
              <button
                type="button"
                class="toggle"
                disabled={!props.value}
                onClick={() => {
                  void copy(props.value).then(setCopied);
                }}
              >
                {t("copyPassword")}
              </button>
            )}
          </>
        }
      />
      {copy && (
        <LiveRegion>
          <OkMessage text={copied} />
        </LiveRegion>
      )}
    </div>
  );
}
