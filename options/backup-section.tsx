// Backup: an encrypted export file and its import.
import { t } from "../src/i18n";
import { BackupExport } from "./backup-export";
import { BackupImport } from "./backup-import";
import type { BackupActions } from "./types";

export function BackupSection(props: {
  actions: BackupActions;
  /** The user's workspaces and identifiers, which make poor export passwords. */
  userInputs?: string[];
  count: number;
}) {
  return (
    <section id="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">{t("backupTitle")}</h2>
      <BackupExport
        exportTo={props.actions.exportTo}
        checkStrength={props.actions.checkStrength}
        userInputs={props.userInputs}
      />
      <div class="subsection">
        <BackupImport importFrom={props.actions.importFrom} count={props.count} />
      </div>
    </section>
  );
}
