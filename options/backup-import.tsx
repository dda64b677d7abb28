// Import a backup: file + its password, merge (default) or replace (asked again). The background
// applies all or nothing, so on error nothing changed and the form keeps its values. A merge
// whose conflicts need the user (same account, another password, unclear which is newer) comes
// back with them before anything is written; the import runs again with the user's choices.
import { useRef, useState } from "preact/hooks";
import type { Failure, ImportChoice, ImportConflict, ImportReport } from "../src/protocol";
import { t } from "../src/i18n";
import { ErrorMessage, LiveRegion } from "../src/ui/error-message";
import { fieldErrorText } from "../src/ui/failure";
import { PasswordField } from "../src/ui/password-field";
import { ConfirmBox } from "../src/ui/confirm-box";
import { ImportConflicts } from "./import-conflicts";
import { ImportReportView } from "./import-report";
import type { BackupActions } from "./types";

/** Same cap as the background: a bigger file is not one of our backups. */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;

export function BackupImport(props: { importFrom: BackupActions["importFrom"]; count: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState("");
  const [mode, setMode] = useState<"merge" | "replace">("merge");
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<{ file?: string; password?: string }>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [conflicts, setConflicts] = useState<ImportConflict[] | null>(null);
  const [choices, setChoices] = useState<Record<string, ImportChoice>>({});
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const reset = () => {
    setReport(null);
    setFailure(null);
    setConflicts(null);
    setChoices({});
    setMissing(false);
  };

  const choose = (chosen: File | null) => {
    reset();
    setFile(chosen);
    setErrors((e) => ({
      ...e,
      file: chosen && chosen.size > MAX_BACKUP_BYTES ? t("err_backup_too_large") : undefined,
    }));
  };

  const run = async (withChoices?: Record<string, ImportChoice>) => {
    if (!file) return;
    setConfirming(false);
    setBusy(true);
    const text = await file.text();
    const r = await props.importFrom(
      withChoices ? { text, password, mode, choices: withChoices } : { text, password, mode },
    );
    setBusy(false);
    setMissing(false);
    if (!r.ok) {
      setConflicts(null);
      return setFailure(r);
    }
    if (r.value.status === "conflicts") {
      // Choices already made for accounts still in conflict are kept.
      const ids = new Set(r.value.conflicts.map((c) => c.id));
      setChoices((all) => Object.fromEntries(Object.entries(all).filter(([id]) => ids.has(id))));
      return setConflicts(r.value.conflicts);
    }
    setConflicts(null);
    setChoices({});
    setReport(r.value.report);
    setPassword("");
  };

  const confirmChoices = () => {
    if (busy || !conflicts) return;
    if (conflicts.some((c) => !choices[c.id])) return setMissing(true);
    void run(choices);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    reset();
    if (!file) {
      setErrors({ file: t("importChooseFile") });
      return fileRef.current?.focus();
    }
    if (file.size > MAX_BACKUP_BYTES) return fileRef.current?.focus();
    if (!password) {
      setErrors({ password: fieldErrorText("empty") });
      return passwordRef.current?.focus();
    }
    setErrors({});
    if (mode === "replace") return setConfirming(true);
    void run();
  };

  return (
    <form id="backup-import" onSubmit={submit} noValidate aria-labelledby="import-title">
      <h3 id="import-title">{t("importTitle")}</h3>
      <div class="field">
        <label for="import-file">{t("importFile")}</label>
        <input
          id="import-file"
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          aria-invalid={errors.file ? "true" : undefined}
          aria-describedby={errors.file ? "import-file-error" : undefined}
          onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
        />
        {errors.file && (
          <p class="msg msg-error field-error" id="import-file-error">
            {errors.file}
          </p>
        )}
      </div>
      <PasswordField
        label={t("importPassword")}
        value={password}
        onValue={(v) => {
          setPassword(v);
          // The choices were for what this password opened.
          if (conflicts) reset();
        }}
        error={errors.password}
        autoComplete="off"
        inputRef={passwordRef}
      />
      <fieldset class="choices">
        <legend>{t("importMode")}</legend>
        {(["merge", "replace"] as const).map((m) => (
          <label key={m} class="choice">
            <input
              type="radio"
              name="import-mode"
              value={m}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setConfirming(false);
                if (conflicts) reset();
              }}
            />
            {m === "merge" ? t("importMerge") : t("importReplace")}
          </label>
        ))}
      </fieldset>
      {confirming && (
        <ConfirmBox
          question={t("importReplaceConfirm", props.count)}
          confirmLabel={t("importReplaceYes")}
          onConfirm={() => void run()}
          onCancel={() => setConfirming(false)}
        />
      )}
      {conflicts && (
        <ImportConflicts
          conflicts={conflicts}
          choices={choices}
          onChoose={(id, choice) => {
            setChoices((all) => ({ ...all, [id]: choice }));
            setMissing(false);
          }}
          missing={missing}
          busy={busy}
          onConfirm={confirmChoices}
          onCancel={reset}
        />
      )}
      <LiveRegion>
        <ImportReportView report={report} />
        <ErrorMessage failure={failure} />
      </LiveRegion>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || confirming || !!conflicts}>
          {t("importButton")}
        </button>
      </div>
    </form>
  );
}
