// Rescue from bookmarks, part 1: paste the vendor's addresses, see what would be created,
// complete what is missing (identifier, password, or which reading of an ambiguous password),
// import the selected ones.
import { useState } from "preact/hooks";
import { t } from "../src/i18n";
import { LiveRegion, OkMessage } from "../src/ui/error-message";
import { failureText } from "../src/ui/failure";
import type { EntryActions, RescueLine } from "./types";
import { RescueTable, type RowState } from "./rescue-table";

type OkLine = Extract<RescueLine, { ok: true }>;

export function PasteRescue(props: {
  parse: (text: string) => RescueLine[];
  save: EntryActions["save"];
}) {
  const [text, setText] = useState("");
  const [lines, setLines] = useState<RescueLine[]>([]);
  const [rows, setRows] = useState<RowState[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onText = (value: string) => {
    setText(value);
    const parsed = props.parse(value);
    setLines(parsed);
    setRows(
      parsed.map((l) => ({
        selected: l.ok && !!l.workspace,
        identifier: "",
        password: "",
        choice: null,
        result: null,
      })),
    );
    setSummary(null);
  };

  const update = (index: number, patch: Partial<RowState>) =>
    setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const importSelected = async () => {
    setBusy(true);
    let saved = 0;
    let failed = 0;
    for (const [index, line] of lines.entries()) {
      const row = rows[index];
      if (!line.ok || !row?.selected || !line.workspace || row.result === "saved") continue;
      const identifier = line.identifier ?? row.identifier.trim();
      // An ambiguous address saves nothing until the user has chosen which is the password.
      const password = line.password ?? (line.candidates ? row.choice : row.password);
      if (!identifier || !password) {
        failed++;
        update(index, {
          result: line.candidates && !row.choice ? t("rescueChoosePassword") : t("rescueMissing"),
        });
        continue;
      }
      const r = await props.save({
        input: { name: "", workspace: line.workspace, identifier, password },
      });
      if (r.ok) saved++;
      else failed++;
      update(index, { result: r.ok ? "saved" : failureText(r) });
    }
    setBusy(false);
    // Pasted addresses hold passwords: once all of them are in the vault, drop the text.
    if (!failed && saved) setText("");
    setSummary(t("rescueSummary", saved, failed));
  };

  const okLines = lines.filter((l): l is OkLine => l.ok);
  const bad = lines.filter((l) => !l.ok);
  const selectedCount = rows.filter(
    (r, i) => r.selected && lines[i]?.ok && r.result !== "saved",
  ).length;
  return (
    <div class="subsection">
      <h3 id="paste-title">{t("rescuePasteTitle")}</h3>
      <p class="hint">{t("rescuePasteExplain")}</p>
      <div class="field">
        <label for="rescue-text">{t("rescuePasteLabel")}</label>
        <textarea
          id="rescue-text"
          rows={4}
          value={text}
          spellcheck={false}
          autoComplete="off"
          placeholder="soft.iamoffice.net#ESPACE&login=…"
          onInput={(e) => onText(e.currentTarget.value)}
        />
      </div>
      {okLines.length > 0 && <RescueTable lines={lines} rows={rows} onChange={update} />}
      {bad.length > 0 && (
        <ul class="rescue-bad">
          {bad.map((l, i) => (
            <li key={i}>{t("rescueNotIamOffice", l.line, l.ok ? "" : l.safeText)}</li>
          ))}
        </ul>
      )}
      <LiveRegion>
        <OkMessage text={summary} />
      </LiveRegion>
      {okLines.length > 0 && (
        <div class="actions">
          <button
            type="button"
            class="primary"
            disabled={busy || selectedCount === 0}
            onClick={() => void importSelected()}
          >
            {t("rescueImportSelected", selectedCount)}
          </button>
        </div>
      )}
    </div>
  );
}
