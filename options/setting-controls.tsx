// One row per setting: the control, a one-line explanation, and its own error. Numbers are
// saved on `change` (blur or Enter), not on each keystroke, so "2" on the way to "25" is not
// refused as out of range.
import { useEffect, useId, useState } from "preact/hooks";
import type { ComponentChildren } from "preact";

export function CheckboxSetting(props: {
  label: string;
  explain: string;
  checked: boolean;
  disabled?: boolean;
  error?: string | null;
  onChange: (checked: boolean) => void;
}) {
  const id = `s${useId()}`;
  return (
    <div class="setting setting-check">
      <div class="setting-control">
        <input
          type="checkbox"
          id={id}
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={`${id}-explain${props.error ? ` ${id}-error` : ""}`}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <label for={id}>{props.label}</label>
      </div>
      <p class="hint" id={`${id}-explain`}>
        {props.explain}
      </p>
      <SettingError id={`${id}-error`} error={props.error} />
    </div>
  );
}

export function NumberSetting(props: {
  label: string;
  explain: string;
  value: number;
  min: number;
  max: number;
  unit: string;
  error?: string | null;
  /** Returns false when refused: the field goes back to the value still in force. */
  onCommit: (value: string) => Promise<boolean>;
}) {
  const id = `s${useId()}`;
  const [draft, setDraft] = useState(String(props.value));
  useEffect(() => setDraft(String(props.value)), [props.value]);
  const commit = async (raw: string) => {
    if (raw === String(props.value)) return;
    if (!(await props.onCommit(raw))) setDraft(String(props.value));
  };
  return (
    <div class="setting">
      <label for={id}>{props.label}</label>
      <div class="setting-control">
        <input
          type="number"
          id={id}
          class="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          step={1}
          value={draft}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={`${id}-explain${props.error ? ` ${id}-error` : ""}`}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => void commit(e.currentTarget.value)}
        />
        <span class="unit">{props.unit}</span>
      </div>
      <p class="hint" id={`${id}-explain`}>
        {props.explain}
      </p>
      <SettingError id={`${id}-error`} error={props.error} />
    </div>
  );
}

export function SelectSetting<V extends string>(props: {
  label: string;
  explain: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  children?: ComponentChildren;
}) {
  const id = `s${useId()}`;
  return (
    <div class="setting">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        aria-describedby={`${id}-explain`}
        onChange={(e) => {
          const chosen = props.options.find((o) => o.value === e.currentTarget.value);
          if (chosen) props.onChange(chosen.value);
        }}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p class="hint" id={`${id}-explain`}>
        {props.explain}
      </p>
      {props.children}
    </div>
  );
}

function SettingError(props: { id: string; error?: string | null }) {
  return (
    <div aria-live="polite">
      {props.error && (
        <p class="msg msg-error field-error" id={props.id}>
          {props.error}
        </p>
      )}
    </div>
  );
}
