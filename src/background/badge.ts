// The toolbar badge is the extension's only voice outside the popup: idle countdown first,
// then "a login window waits for an unlock", then "IamOffice refused the saved password",
// "choose the account in the popup", then "save this login?". It reads the state it shows from
// its owners; whoever handles an event that may change it calls refreshBadge once, at the end.
import browser from "../browser";
import { t } from "../i18n";
import { badgeFor, minutesLeft } from "../idle-clock";
import { currentClock } from "./idle-watch";
import { pendingSaveSummary } from "./save-offer";
import { createSerial } from "./serial";
import { getSettings, onSettingsChanged } from "./settings-store";
import { allTabInfo } from "./tabs";

const COLORS = { countdown: "#5f6368", warning: "#c5221f", locked: "#1a73e8", save: "#188038" };

const badgeSerial = createSerial();

/**
 * Shows what the badge should say now. Refreshes run one after the other, each reading the
 * state afresh, so that two events handled at once (a lock and a page's report, or the fill
 * path, which answers first) can never leave an older state on the badge after a newer one.
 */
export function refreshBadge(now = Date.now()): Promise<void> {
  return badgeSerial(() => showBadge(now));
}

async function showBadge(now: number): Promise<void> {
  let text = "";
  let color = COLORS.countdown;
  let title = t("extName");
  // Each read is a round trip to the browser: all at once.
  const [clock, settings, info] = await Promise.all([currentClock(), getSettings(), allTabInfo()]);
  const countdown = badgeFor(clock, settings, now);
  const tabs = Object.values(info);
  const refused = tabs.map((i) => i.notice).find((n) => n?.kind === "refused");
  if (countdown) {
    text = countdown.text;
    color = countdown.warning ? COLORS.warning : COLORS.countdown;
    title = t("badgeTooltipMinutes", minutesLeft(clock, settings, now) ?? 0);
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
  } else if (await pendingSaveSummary()) {
    text = "+";
    color = COLORS.save;
    title = t("badgeTooltipSave");
  }
  // The title last: whoever reads the title finds the text and colour that go with it.
  await Promise.all([
    browser.action.setBadgeText({ text }),
    browser.action.setBadgeBackgroundColor({ color }),
  ]);
  await browser.action.setTitle({ title });
}

// A changed countdown setting shows (or hides) the countdown at once.
onSettingsChanged(() => refreshBadge());
