// The rescue preview: one row per pasted address. A password from the address is never shown
// (••••); a missing identifier or password is asked for inline. An ambiguous one (more follows
// `password=` than the parts we read) shows its candidates — the user's own paste — to choose
// from, none chosen in advance.
import { t } from "../src/i18n";
import type { RescueLine } from "./types";

export interface RowState {
  selected: boolean;
  identifier: string;
  password: string;
  /** The candidate the user chose, for an ambiguous address. */
  choice: string | null;
  /** "saved", or the sentence explaining why not; null before import. */
  result: string | null;
}

function PasswordCell(props: {
  line: Extract<RescueLine, { ok: true }>;
  row: RowState;
  /** Of the radio group, unique in the table. */
  name: string;
  disabled: boolean;
  onChange: (patch: Partial<RowState>) => void;
}) {
  const { line, row } = props;
  if (line.password !== undefined) {
    return (
      <span>
        <span aria-hidden="true">••••</span>
        <span class="visually-hidden">{t("rescuePasswordPresent")}</span>
      </span>
    );
  }
  if (line.candidates) {
    return (
      <div role="radiogroup" aria-label={t("rescuePasswordFor", line.line)}>
        <span class="hint">{t("rescueAmbiguous")}</span>
        {line.candidates.map((candidate) => (
          <label key={candidate} class="choice">
            <input
              type="radio"
              name={props.name}
              checked={row.choice === candidate}
              disabled={props.disabled}
              onChange={() => props.onChange({ choice: candidate })}
            />
            <code>{candidate}</code>
          </label>
        ))}
      </div>
    );
  }
  return (
    <>
      <span class="hint">{t("rescueNoPassword")}</span>
      <input
        type="password"
        value={row.password}
        aria-label={t("rescuePasswordFor", line.line)}
        autoComplete="off"
        disabled={props.disabled}
        onInput={(e) => props.onChange({ password: e.currentTarget.value })}
      />
    </>
  );
}

export function RescueTable(props: {
  lines: RescueLine[];
  rows: RowState[];
  onChange: (index: number, patch: Partial<RowState>) => void;
}) {
  return (
    <div class="table-wrap">
      <table class="rescue">
        <caption class="visually-hidden">{t("rescuePreview")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rescueImportColumn")}</th>
            <th scope="col">{t("fieldWorkspace")}</th>
            <th scope="col">{t("fieldIdentifier")}</th>
            <th scope="col">{t("fieldPassword")}</th>
            <th scope="col">{t("rescueResult")}</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line, index) => {
            const row = props.rows[index];
            if (!line.ok || !row) return null;
            const done = row.result === "saved";
            const importable = !!line.workspace && !done;
            return (
              <tr key={index}>
                <td>
                  <input
                    type="checkbox"
                    checked={row.selected && importable}
                    disabled={!importable}
                    aria-label={t("rescueSelectLine", line.line)}
                    onChange={(e) => props.onChange(index, { selected: e.currentTarget.checked })}
                  />
                </td>
                <td>{line.workspace ?? <em>{t("rescueNoWorkspace")}</em>}</td>
                <td>
                  {line.identifier ?? (
                    <input
                      type="text"
                      value={row.identifier}
                      aria-label={t("rescueIdentifierFor", line.line)}
                      autoComplete="off"
                      spellcheck={false}
                      disabled={!importable}
                      onInput={(e) => props.onChange(index, { identifier: e.currentTarget.value })}
                    />
                  )}
                </td>
                <td>
                  <PasswordCell
                    line={line}
                    row={row}
                    name={`rescue-password-${index}`}
                    disabled={!importable}
                    onChange={(patch) => props.onChange(index, patch)}
                  />
                </td>
                <td class={row.result && !done ? "msg-error" : "msg-ok"}>
                  {done ? t("rescueSaved") : row.result}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
