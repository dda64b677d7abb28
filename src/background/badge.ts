// The toolbar badge is the extension's only voice outside the popup: idle countdown first,
// then "a login window waits for an unlock", then "IamOffice refused the saved password",
// "choose the account in the popup", then "save this login?".
import browser from "../browser";
import { session } from "../storage";
import { allTabInfo } from "./tabs";
import { countdownBadge } from "./idle-watch";
import { message as t } from "./notifications";

const COLORS = { countdown: "#5f6368", warning: "#c5221f", locked: "#1a73e8", save: "#188038" };

export async function refreshBadge(now = Date.now()): Promise<void> {
  let text = "";
  let color = COLORS.countdown;
  let title = t("extName");
  const countdown = await countdownBadge(now);
  const tabs = Object.values(await allTabInfo());
  const refused = tabs.map((i) => i.notice).find((n) => n?.kind === "refused");
  if (countdown) {
    text = countdown.text;
    color = countdown.warning ? COLORS.warning : COLORS.countdown;
    title = t("badgeTooltipMinutes", String(countdown.minutes));
  } else if (tabs.some((i) => i.waitingForUnlock)) {
    text = "!";
    color = COLORS.locked;
    title = t("badgeTooltipLocked");
  } else if (refused) {
    text = "!";
    color = COLORS.warning;
    title = t("badgeTooltipRefused", refused.name);
  } else if (tabs.some((i) => i.notice?.kind === "choose" || i.notice?.kind === "workspace")) {
    text = "?";
    color = COLORS.locked;
    title = t("badgeTooltipChoose");
  } else if (await session.get("pendingSave")) {
    text = "+";
    color = COLORS.save;
    title = t("badgeTooltipSave");
  }
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setTitle({ title });
}
