// The toolbar badge is the extension's only voice outside the popup: idle countdown first,
// then "a login window waits for an unlock", then "save this login?".
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
  if (countdown) {
    text = countdown.text;
    color = countdown.warning ? COLORS.warning : COLORS.countdown;
    title = t("badgeTooltipMinutes", String(countdown.minutes));
  } else if (Object.values(await allTabInfo()).some((i) => i.waitingForUnlock)) {
    text = "!";
    color = COLORS.locked;
    title = t("badgeTooltipLocked");
  } else if (await session.get("pendingSave")) {
    text = "+";
    color = COLORS.save;
    title = t("badgeTooltipSave");
  }
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setTitle({ title });
}
