// An inline "are you sure?" with the question, a confirming button (focused when it appears, so
// keyboard users land on the choice) and Cancel; Escape cancels.
import { t } from "../i18n";
import { useAutoFocus } from "./use-focus";

export function ConfirmBox(props: {
  question: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirm = useAutoFocus<HTMLButtonElement>();
  return (
    <div
      class="confirm-box"
      role="group"
      aria-label={props.question}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <p>{props.question}</p>
      <div class="actions">
        <button
          type="button"
          class="danger"
          ref={confirm}
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
