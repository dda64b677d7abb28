// A labelled input with its error wired through aria-invalid/aria-describedby.
import type { ComponentChildren, Ref } from "preact";
import { useId } from "preact/hooks";

export interface TextFieldProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | null;
  hint?: string;
  type?: "text" | "password" | "number" | "search" | "email";
  autoComplete?: string;
  inputRef?: Ref<HTMLInputElement>;
  required?: boolean;
  inputMode?: "numeric" | "text";
  onKeyDown?: (event: KeyboardEvent) => void;
  /** Extra controls after the input (show/hide, copy), kept on the same row. */
  after?: ComponentChildren;
  id?: string;
  name?: string;
  /** Marks the input invalid when the error is shown elsewhere (e.g. a form-level message). */
  invalid?: boolean;
  describedBy?: string;
}

export function TextField(props: TextFieldProps) {
  const autoId = useId();
  const id = props.id ?? `f${autoId}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [props.error ? errorId : "", props.hint ? hintId : "", props.describedBy ?? ""]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <div class="field-row">
        <input
          id={id}
          name={props.name}
          ref={props.inputRef}
          type={props.type ?? "text"}
          value={props.value}
          autoComplete={props.autoComplete ?? "off"}
          autoCapitalize="off"
          spellcheck={false}
          inputMode={props.inputMode}
          required={props.required}
          aria-invalid={props.error || props.invalid ? "true" : undefined}
          aria-describedby={describedBy}
          onInput={(e) => props.onValue(e.currentTarget.value)}
          onKeyDown={props.onKeyDown}
        />
        {props.after}
      </div>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="msg msg-error field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}
