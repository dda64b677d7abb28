// The saved workspaces as a table (name, workspace, identifier, last use) with per-row Edit and
// Delete; Delete turns into an inline confirmation on its own row.
import { Fragment } from "preact";
import { t } from "../src/i18n";
import type { EntrySummary } from "../src/protocol";
import { displayName } from "../src/entries/order";
import { ConfirmBox } from "../src/ui/confirm-box";

export interface TableProps {
  entries: EntrySummary[];
  confirming: string | null;
  busy: boolean;
  onEdit: (entry: EntrySummary) => void;
  onDelete: (entry: EntrySummary) => void;
  onConfirmDelete: (entry: EntrySummary) => void;
  onCancelDelete: () => void;
}

const DAY = 86_400_000;

/** Recent use reads best as "3 hours ago"; older use as a date. Same language as the UI. */
export function lastUsedText(at: number | null, now = Date.now()): string {
  if (at === null) return t("neverUsed");
  const lang = document.documentElement.lang || undefined;
  const ago = now - at;
  if (ago >= 0 && ago < 7 * DAY) {
    const rtf = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
    if (ago < 3_600_000) return rtf.format(-Math.max(1, Math.round(ago / 60_000)), "minute");
    if (ago < DAY) return rtf.format(-Math.round(ago / 3_600_000), "hour");
    return rtf.format(-Math.round(ago / DAY), "day");
  }
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(at);
}

export function WorkspaceTable(props: TableProps) {
  return (
    <div class="table-wrap">
      <table class="workspaces">
        <caption class="visually-hidden">{t("savedWorkspaces")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fieldName")}</th>
            <th scope="col">{t("fieldWorkspace")}</th>
            <th scope="col">{t("fieldIdentifier")}</th>
            <th scope="col">{t("lastUsed")}</th>
            <th scope="col">
              <span class="visually-hidden">{t("actionsColumn")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => {
            const name = displayName(entry);
            const confirming = props.confirming === entry.id;
            return (
              <Fragment key={entry.id}>
                <tr data-entry-id={entry.id}>
                  <th scope="row">{name}</th>
                  <td data-label={t("fieldWorkspace")}>{entry.workspace}</td>
                  <td data-label={t("fieldIdentifier")}>{entry.identifier}</td>
                  <td data-label={t("lastUsed")}>{lastUsedText(entry.lastUsedAt)}</td>
                  <td class="row-actions">
                    <button
                      type="button"
                      data-action="edit"
                      aria-label={t("editNamed", name)}
                      onClick={() => props.onEdit(entry)}
                    >
                      {t("edit")}
                    </button>
                    <button
                      type="button"
                      data-action="delete"
                      aria-label={t("deleteNamed", name)}
                      aria-expanded={confirming ? "true" : "false"}
                      onClick={() => props.onDelete(entry)}
                    >
                      {t("delete")}
                    </button>
                  </td>
                </tr>
                {confirming && (
                  <tr class="confirm-row">
                    <td colSpan={5}>
                      <ConfirmBox
                        question={t("confirmDelete", name)}
                        confirmLabel={t("delete")}
                        busy={props.busy}
                        onConfirm={() => props.onConfirmDelete(entry)}
                        onCancel={props.onCancelDelete}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
