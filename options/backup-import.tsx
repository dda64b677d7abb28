// Import a backup: file + its password, merge (default) or replace (asked again). The background
// applies all or nothing, so on error nothing changed and the form keeps its values.
import { useRef, useState } from "preact/hooks";
import type { Failure, ImportReport } from "../src/protocol";
import { t } from "../src/i18n";
import { ErrorMessage, LiveRegion, OkMessage } from "../src/ui/error-message";
import { fieldErrorText } from "../src/ui/failure";
import { PasswordField } from "../src/ui/password-field";
import { ConfirmBox } from "../src/ui/confirm-box";
import type { BackupActions } from "./types";

/** Same cap as the background: a bigger file is not one of our backups. */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;

export function reportText(report: ImportReport): string {
  return t("importReport", report.added, report.updated, report.skipped);
}

export function BackupImport(props: { importFrom: BackupActions["importFrom"]; count: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState("");
  const [mode, setMode] = useState<"merge" | "replace">("merge");
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<{ file?: string; password?: string }>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const choose = (chosen: File | null) => {
    setReport(null);
    setFailure(null);
    setFile(chosen);
    setErrors((e) => ({
      ...e,
      file: chosen && chosen.size > MAX_BACKUP_BYTES ? t("err_backup_too_large") : undefined,
    }));
  };

  const run = async () => {
    if (!file) return;
    setConfirming(false);
    setBusy(true);
    const r = await props.importFrom({ text: await file.text(), password, mode });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setReport(reportText(r.value));
    setPassword("");
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setReport(null);
    setFailure(null);
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
        onValue={setPassword}
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
      <LiveRegion>
        <OkMessage text={report} />
        <ErrorMessage failure={failure} />
      </LiveRegion>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || confirming}>
          {t("importButton")}
        </button>
      </div>
    </form>
  );
}
