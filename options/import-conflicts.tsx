// Merge conflicts the user settles before anything is written: the same workspace and identifier
// with another password in the backup, and no telling which is newer. One choice per account,
// none made in advance: keeping either side silently is what lost passwords before.
import { t } from "../src/i18n";
import type { ImportChoice, ImportConflict } from "../src/protocol";
import { ErrorMessage, LiveRegion } from "../src/ui/error-message";
import { useAutoFocus } from "../src/ui/use-focus";
import { accountText } from "./import-report";

function dateText(at: number): string {
  if (at <= 0) return t("importDateUnknown");
  const lang = document.documentElement.lang || undefined;
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(at);
}

export function ImportConflicts(props: {
  conflicts: ImportConflict[];
  choices: Record<string, ImportChoice>;
  onChoose: (id: string, choice: ImportChoice) => void;
  /** Shown when the user confirms before choosing for every account. */
  missing: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const heading = useAutoFocus<HTMLHeadingElement>();
  return (
    <div
      class="import-conflicts panel"
      role="group"
      aria-labelledby="import-conflicts-title"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <h4 id="import-conflicts-title" tabIndex={-1} ref={heading}>
        {t("importConflictsTitle")}
      </h4>
      <p>{t("importConflictsExplain")}</p>
      {props.conflicts.map((c) => (
        <fieldset key={c.id} class="choices">
          <legend>{accountText(c)}</legend>
          <p class="hint">
            {t("importConflictDates", dateText(c.yoursUpdatedAt), dateText(c.backupUpdatedAt))}
          </p>
          {(["mine", "backup"] as const).map((choice) => (
            <label key={choice} class="choice">
              <input
                type="radio"
                name={`import-conflict-${c.id}`}
                value={choice}
                checked={props.choices[c.id] === choice}
                onChange={() => props.onChoose(c.id, choice)}
              />
              {choice === "mine" ? t("importKeepMine") : t("importTakeBackup")}
            </label>
          ))}
        </fieldset>
      ))}
      <LiveRegion>
        {props.missing && <ErrorMessage failure={null} text={t("importChooseEach")} />}
      </LiveRegion>
      <div class="actions">
        <button type="button" class="primary" disabled={props.busy} onClick={props.onConfirm}>
          {t("importWithChoices")}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
