// "Copy a detection report": what the extension sees of the login window, as plain text, for
// the person who maintains detection. No value in it (src/content/report.ts). It is copied to
// the clipboard and shown, so it can be read before it is sent.
import { useState } from "preact/hooks";
import type { Failure } from "../src/protocol";
import { t } from "../src/i18n";
import { copyText } from "../src/ui/clipboard";
import { ErrorMessage, LiveRegion, OkMessage } from "../src/ui/error-message";
import type { PopupActions } from "./types";

export function ReportButton(props: { tabId: number; report: PopupActions["report"] }) {
  const [text, setText] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = async () => {
    setFailure(null);
    const r = await props.report(props.tabId);
    if (!r.ok) return setFailure(r);
    setText(r.value);
    setCopied(await copyText(r.value));
  };
  return (
    <>
      <button type="button" onClick={() => void run()}>
        {t("reportButton")}
      </button>
      <LiveRegion>
        <ErrorMessage failure={failure} />
        <OkMessage text={copied === null ? null : t(copied ? "reportCopied" : "reportNotCopied")} />
      </LiveRegion>
      {text !== null && (
        <div class="field report">
          <label for="report-text">{t("reportLabel")}</label>
          <textarea id="report-text" readOnly rows={8} value={text} />
        </div>
      )}
    </>
  );
}
