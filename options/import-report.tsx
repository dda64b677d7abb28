// What an import did, as the user reads it: the counts, then one line per account whose vault and
// backup versions differed, saying which was kept and why.
import { t, type MessageKey } from "../src/i18n";
import type { ImportDetail, ImportReport, MergeOutcome } from "../src/protocol";
import { displayName } from "../src/entries/order";

export function reportText(report: ImportReport): string {
  return t("importReport", report.added, report.updated, report.skipped);
}

/** "Acme (acme · marie)": how the import messages name an account. */
export function accountText(a: Pick<ImportDetail, "name" | "workspace" | "identifier">): string {
  return t("importAccount", displayName(a), a.workspace, a.identifier);
}

const OUTCOME: Record<MergeOutcome, MessageKey> = {
  kept_newer: "importKeptNewer",
  took_newer: "importTookNewer",
  kept_chosen: "importKeptChosen",
  took_chosen: "importTookChosen",
};

export function detailText(detail: ImportDetail): string {
  return t(OUTCOME[detail.outcome], accountText(detail));
}

export function ImportReportView(props: { report: ImportReport | null }) {
  const { report } = props;
  if (!report) return null;
  return (
    <div class="msg msg-ok">
      <p>{reportText(report)}</p>
      {report.details.length > 0 && (
        <ul class="import-details">
          {report.details.map((d, i) => (
            <li key={i}>{detailText(d)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
