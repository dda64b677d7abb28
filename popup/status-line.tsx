// One line about the IamOffice tab in front: logged out, logged in as…, minutes before the idle
// logout, and what the user must decide (a refused saved password, an account to choose).
// Nothing when the active tab is not IamOffice.
import type { TabStatus } from "../src/protocol";
import { t } from "../src/i18n";

export function statusText(tab: TabStatus | null): string[] {
  if (!tab) return [];
  const parts: string[] = [];
  if (tab.state === "login") parts.push(t("statusLoggedOut"));
  if (tab.state === "logged-in") {
    if (tab.identifier && tab.workspace)
      parts.push(t("statusLoggedInAsIn", tab.identifier, tab.workspace));
    else if (tab.identifier) parts.push(t("statusLoggedInAs", tab.identifier));
    else parts.push(t("statusLoggedIn"));
  }
  if (tab.state !== "login" && tab.minutesLeft !== undefined) {
    parts.push(t("statusMinutesLeft", Math.max(1, Math.ceil(tab.minutesLeft))));
  }
  if (tab.notice?.kind === "refused") parts.push(t("statusRefused", tab.notice.name));
  if (tab.notice?.kind === "choose") parts.push(t("statusChoose"));
  if (tab.notice?.kind === "workspace") parts.push(t("statusWorkspace"));
  return parts;
}

export function StatusLine(props: { tab: TabStatus | null }) {
  const parts = statusText(props.tab);
  return (
    <div class="status-line" aria-live="polite">
      {parts.length > 0 && (
        <p>
          {parts.map((text, i) => (
            <span key={i} class={i ? "status-extra" : undefined}>
              {text}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
