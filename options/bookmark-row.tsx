// One bookmark of the rescue list: whether to import it, which password when its address is
// ambiguous, what happened, and — only once the vault holds everything the bookmark would lose —
// the offer to remove the password from it or delete it.
import { t } from "../src/i18n";
import { ConfirmBox } from "../src/ui/confirm-box";
import type { BookmarkHit } from "./types";

export type BookmarkChange = "stripped" | "deleted" | "failed" | "notInVault";

export interface RowStatus {
  imported?: { ok: boolean; text: string };
  bookmark?: BookmarkChange;
}

const changeText = {
  stripped: "bookmarkStripped",
  deleted: "bookmarkDeleted",
  failed: "bookmarkChangeFailed",
  notInVault: "bookmarkNotInVault",
} as const;

export function BookmarkRow(props: {
  hit: BookmarkHit;
  status: RowStatus;
  selected: boolean;
  /** The candidate chosen for an ambiguous address. */
  pick: string | undefined;
  /** The vault holds all the text after `password=`: changing the bookmark loses nothing. */
  secured: boolean;
  confirmingDelete: boolean;
  onSelect: (on: boolean) => void;
  onPick: (candidate: string) => void;
  onStrip: () => void;
  onAskDelete: () => void;
  onDelete: () => void;
  onCancelDelete: () => void;
}) {
  const { hit, status } = props;
  // Once stripped or deleted, the bookmark no longer holds a password: nothing to offer.
  const settled = status.bookmark === "stripped" || status.bookmark === "deleted";
  const imported = !!status.imported?.ok;
  const password = hit.password ?? props.pick;
  const importable = !!hit.workspace && !!hit.identifier && !imported && !!password;
  const label = hit.title || hit.safeUrl;
  return (
    <li class="bookmark">
      <label class="choice">
        <input
          type="checkbox"
          checked={props.selected && importable}
          disabled={!importable}
          onChange={(e) => props.onSelect(e.currentTarget.checked)}
        />
        <span>
          <strong>{label}</strong>{" "}
          <span class="hint">
            {hit.workspace ?? "?"} · {hit.identifier ?? t("rescueNoIdentifier")}
          </span>
        </span>
      </label>
      {hit.candidates && !imported && (
        <div role="radiogroup" aria-label={label} class="candidates">
          <span class="hint">{t("rescueAmbiguous")}</span>
          {hit.candidates.map((candidate) => (
            <label key={candidate} class="choice">
              <input
                type="radio"
                name={`bookmark-password-${hit.id}`}
                checked={props.pick === candidate}
                onChange={() => props.onPick(candidate)}
              />
              <code>{candidate}</code>
            </label>
          ))}
        </div>
      )}
      {status.imported && (
        <p class={status.imported.ok ? "msg msg-ok" : "msg msg-error"}>{status.imported.text}</p>
      )}
      {status.bookmark && (
        <p class={settled ? "msg msg-ok" : "msg msg-error"}>{t(changeText[status.bookmark])}</p>
      )}
      {!settled && imported && !props.secured && hit.candidates && (
        <p class="hint">{t("bookmarkKeptAmbiguous")}</p>
      )}
      {!settled &&
        props.secured &&
        (props.confirmingDelete ? (
          <ConfirmBox
            question={t("bookmarkDeleteConfirm", label)}
            confirmLabel={t("bookmarkDelete")}
            onConfirm={props.onDelete}
            onCancel={props.onCancelDelete}
          />
        ) : (
          <div class="actions">
            <button type="button" onClick={props.onStrip}>
              {t("bookmarkStrip")}
            </button>
            <button type="button" onClick={props.onAskDelete}>
              {t("bookmarkDelete")}
            </button>
          </div>
        ))}
    </li>
  );
}
