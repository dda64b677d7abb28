// Settings are saved as soon as they change. A refused value (checked here with the same
// validator as the background, then by the background) shows its error and the previous value
// stays in force and on screen.
import { useEffect, useState } from "preact/hooks";
import { t } from "../src/i18n";
import { applySettingsPatch, LIMITS, type AutoLockPolicy, type Settings } from "../src/settings";
import { failureText } from "../src/ui/failure";
import { LiveRegion, OkMessage } from "../src/ui/error-message";
import { CheckboxSetting, NumberSetting, SelectSetting } from "./setting-controls";
import type { SettingsActions } from "./types";

type NumberKey = keyof typeof LIMITS;
type Errors = Partial<Record<keyof Settings, string>>;

/** The page offers whole minutes only (fractions exist for E2E tests, set through messages). */
export const uiMin = (key: NumberKey) => Math.max(1, Math.ceil(LIMITS[key].min));

export function settingErrorText(key: keyof Settings, code: string, current: Settings): string {
  const previous = String(current[key]);
  if (code === "whole_number") return t("settingErr_whole_number", previous);
  if (code === "out_of_range" && key in LIMITS) {
    const k = key as NumberKey;
    return t("settingErr_out_of_range", uiMin(k), LIMITS[k].max, previous);
  }
  if (code === "lead_too_long") {
    return key === "idleTimeoutMinutes"
      ? t("settingErr_timeout_too_short", current.warningLeadMinutes, previous)
      : t("settingErr_lead_too_long", current.idleTimeoutMinutes, previous);
  }
  return failureText({ ok: false, error: "invalid_settings" });
}

export function SettingsSection(props: {
  data: { settings: Settings | null };
  actions: SettingsActions;
}) {
  const [errors, setErrors] = useState<Errors>({});
  const [savedAt, setSavedAt] = useState(0);
  const settings = props.data.settings;
  // The confirmation is a floating toast: it leaves by itself.
  useEffect(() => {
    if (!savedAt) return;
    const timer = setTimeout(() => setSavedAt(0), 4000);
    return () => clearTimeout(timer);
  }, [savedAt]);
  if (!settings) return null;

  const refuse = (key: keyof Settings, code: string) => {
    setSavedAt(0);
    setErrors((e) => ({ ...e, [key]: settingErrorText(key, code, settings) }));
    return false;
  };

  const apply = async (key: keyof Settings, patch: Partial<Settings>): Promise<boolean> => {
    const local = applySettingsPatch(settings, patch);
    // The timeout/lead pair fails on whichever key; report it on the one the user changed.
    if (!local.ok) return refuse(key, Object.values(local.errors)[0] ?? "invalid");
    const r = await props.actions.set(patch);
    if (!r.ok) return refuse(key, Object.values(r.fields ?? {})[0] ?? "invalid");
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSavedAt(Date.now());
    return true;
  };

  const minutes = (key: NumberKey) => async (raw: string) => {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isInteger(n)) return refuse(key, "whole_number");
    if (n < uiMin(key) || n > LIMITS[key].max) return refuse(key, "out_of_range");
    return apply(key, { [key]: n });
  };

  const check = (key: keyof Settings, label: string, explain: string) => (
    <CheckboxSetting
      label={label}
      explain={explain}
      checked={settings[key] === true}
      error={errors[key]}
      onChange={(checked) => void apply(key, { [key]: checked })}
    />
  );

  const number = (key: NumberKey, label: string, explain: string) => (
    <NumberSetting
      label={label}
      explain={explain}
      value={settings[key]}
      min={uiMin(key)}
      max={LIMITS[key].max}
      unit={t("minutesUnit")}
      error={errors[key]}
      onCommit={minutes(key)}
    />
  );

  const policies: { value: AutoLockPolicy; label: string }[] = [
    { value: "browser-exit", label: t("autoLock_browser_exit") },
    { value: "idle", label: t("autoLock_idle") },
    { value: "screen-lock", label: t("autoLock_screen_lock") },
    { value: "never-while-open", label: t("autoLock_never_while_open") },
  ];

  return (
    <section id="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("settingsTitle")}</h2>
      <LiveRegion class="live toast">
        <OkMessage text={savedAt ? t("settingSaved") : null} />
      </LiveRegion>
      <fieldset>
        <legend>{t("settingsFilling")}</legend>
        {check("autofillOnLoad", t("setAutofill"), t("setAutofillExplain"))}
        {check("submitAfterAutofill", t("setSubmit"), t("setSubmitExplain"))}
      </fieldset>
      <fieldset>
        <legend>{t("settingsIdle")}</legend>
        {number("idleTimeoutMinutes", t("setIdleTimeout"), t("setIdleTimeoutExplain"))}
        {number("warningLeadMinutes", t("setWarningLead"), t("setWarningLeadExplain"))}
        {check("notifications", t("setNotifications"), t("setNotificationsExplain"))}
        {check("countdownBadge", t("setBadge"), t("setBadgeExplain"))}
        {check("offerRelogin", t("setOfferRelogin"), t("setOfferReloginExplain"))}
        {check("autoRelogin", t("setAutoRelogin"), t("setAutoReloginExplain"))}
      </fieldset>
      <fieldset>
        <legend>{t("settingsLock")}</legend>
        <SelectSetting
          label={t("setAutoLock")}
          explain={t("setAutoLockExplain")}
          value={settings.autoLock}
          options={policies}
          onChange={(v) => void apply("autoLock", { autoLock: v })}
        >
          {settings.autoLock === "idle" &&
            number("autoLockMinutes", t("setAutoLockMinutes"), t("setAutoLockMinutesExplain"))}
        </SelectSetting>
      </fieldset>
      <p class="hint">{t("languageLine")}</p>
    </section>
  );
}
