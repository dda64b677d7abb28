import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import translationKeys from "@zxcvbn-ts/core/dist/data/translationKeys";
import { applyDocumentLanguage, t, tDynamic } from "../../src/i18n";
import type { ErrorCode } from "../../src/protocol";
import type { FieldProblem } from "../../src/entries/rules";
import { failureText, fieldErrorText } from "../../src/ui/failure";
import { formatMessage, installCatalogue, loadCatalogue } from "./ui/helpers";

// A Record over the union: adding an ErrorCode without listing it here fails tsc.
const ERROR_CODES: Record<ErrorCode, true> = {
  forbidden: true,
  malformed: true,
  unknown_message: true,
  no_vault: true,
  vault_exists: true,
  locked: true,
  corrupt: true,
  wrong_password: true,
  too_many_attempts: true,
  weak_password: true,
  password_mismatch: true,
  kdf_too_weak: true,
  tampered: true,
  invalid_entry: true,
  duplicate_entry: true,
  not_found: true,
  stale_revision: true,
  storage_failed: true,
  invalid_settings: true,
  reset_confirmation: true,
  backup_not_ours: true,
  backup_truncated: true,
  backup_future_version: true,
  backup_too_large: true,
  backup_tampered: true,
  backup_invalid_entries: true,
  backup_wrong_password: true,
  login_no_window: true,
  login_unreachable: true,
  login_logout_failed: true,
  passkey_failed: true,
  passkey_cancelled: true,
  passkey_unsupported: true,
  passkey_limit: true,
  internal: true,
};

const en = loadCatalogue("en");
const fr = loadCatalogue("fr");

describe("t()", () => {
  beforeEach(() => installCatalogue("en"));

  it("falls back to the key when the browser has no i18n (bare fake-browser)", () => {
    fakeBrowser.i18n.getMessage = () => {
      throw new Error("not implemented");
    };
    expect(t("unlock")).toBe("unlock");
  });

  it("falls back to the key when the catalogue lacks it", () => {
    fakeBrowser.i18n.getMessage = () => "";
    expect(t("unlock")).toBe("unlock");
  });

  it("substitutes placeholders, numbers included", () => {
    expect(t("err_too_many_attempts", 12)).toBe("Too many attempts. Try again in 12 s.");
    expect(t("importReport", 3, 1, 2)).toBe("Import done: 3 added, 1 updated, 2 skipped.");
  });

  it("tDynamic tries the run-time key, then the typed fallback", () => {
    expect(tDynamic("fieldErr_empty", "fieldErr_invalid")).toBe("Required.");
    expect(tDynamic("fieldErr_no_such_thing", "fieldErr_invalid")).toBe("This value is not valid.");
  });

  it("speaks French with the French catalogue", () => {
    installCatalogue("fr");
    expect(t("err_wrong_password")).toBe("Mot de passe maître incorrect.");
    expect(t("resetConfirmWord")).toBe("EFFACER");
  });

  it("sets <html lang> from the browser's UI language", () => {
    installCatalogue("fr");
    fakeBrowser.i18n.getUILanguage = () => "fr_FR";
    applyDocumentLanguage();
    expect(document.documentElement.lang).toBe("fr-FR");
  });
});

describe("catalogue contents", () => {
  beforeEach(() => installCatalogue("en"));

  it("has a sentence for every ErrorCode, in both languages", () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(en[`err_${code}`]?.message, code).toBeTruthy();
      expect(fr[`err_${code}`]?.message, code).toBeTruthy();
    }
  });

  it("failure details reach the sentence", () => {
    expect(failureText({ ok: false, error: "duplicate_entry", detail: "Acme" })).toBe(
      "This workspace and identifier are already saved as “Acme”.",
    );
    expect(failureText({ ok: false, error: "too_many_attempts", retryAfterMs: 2500 })).toBe(
      "Too many attempts. Try again in 3 s.",
    );
  });

  it("has a field error for every entry field problem", () => {
    const problems: Record<Exclude<FieldProblem, "not_string">, true> = {
      empty: true,
      control_chars: true,
      too_long: true,
    };
    for (const p of Object.keys(problems)) {
      expect(fieldErrorText(p), p).not.toBe(en.fieldErr_invalid?.message);
    }
  });

  it("translates every zxcvbn feedback key", () => {
    const keys = new Set([
      ...Object.keys(translationKeys.warnings),
      ...Object.keys(translationKeys.suggestions),
    ]);
    for (const key of keys) expect(en[`zx_${key}`], key).toBeDefined();
  });

  it("has the background's notification and badge strings with their placeholders", () => {
    const withMinutes = ["notifWarnBody", "notifLoggedOutBody", "badgeTooltipMinutes"];
    for (const key of withMinutes) {
      expect(en[key]?.placeholders?.minutes?.content, key).toBe("$1");
      expect(formatMessage(fr, key, ["7"]), key).toContain("7");
    }
    expect(formatMessage(en, "notifWarnBody", ["2"])).toBe(
      "You will be logged out of IamOffice in 2 minutes for inactivity",
    );
    for (const key of [
      "notifWarnTitle",
      "notifWarnButton",
      "notifLoggedOutTitle",
      "notifLoggedOutButton",
      "notifLoginFailedTitle",
      "notifUnlockToLogin",
      "badgeTooltipLocked",
      "badgeTooltipSave",
      "extName",
      "extDescription",
      "commandFillAndSubmit",
    ]) {
      expect(en[key]?.message, key).toBeTruthy();
    }
    expect(en.resetConfirmWord?.message).toBe("RESET");
    expect(fr.resetConfirmWord?.message).toBe("EFFACER");
  });

  it("every $PLACEHOLDER$ used in a message is declared (Chrome would print it raw)", () => {
    for (const catalogue of [en, fr]) {
      for (const [key, entry] of Object.entries(catalogue)) {
        for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
          expect(entry.placeholders?.[name!.toLowerCase()], `${key}: ${name}`).toBeDefined();
        }
      }
    }
  });
});
