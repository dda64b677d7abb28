// "Teach the login fields": for a page the extension reads wrongly, the user shows it the
// workspace, identifier and password fields and the login button, in the page itself. The popup
// closes so the page can be clicked; the page's banner says what to click (Escape leaves).
import { useState } from "preact/hooks";
import type { Failure } from "../src/protocol";
import { t } from "../src/i18n";
import { ErrorMessage, LiveRegion } from "../src/ui/error-message";
import type { PopupActions } from "./types";

export function TeachButton(props: { tabId: number; teach: PopupActions["teach"] }) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const start = async () => {
    setFailure(null);
    const r = await props.teach(props.tabId);
    if (!r.ok) setFailure(r);
  };
  return (
    <>
      <button type="button" onClick={() => void start()}>
        {t("teachButton")}
      </button>
      <LiveRegion>
        <ErrorMessage failure={failure} />
      </LiveRegion>
    </>
  );
}
