// Every user-visible string goes through here, so both languages come from
// public/_locales/{en,fr}/messages.json and nothing is hard-coded in a component.
import { pageApi as browser } from "./page-api";
import type enCatalogue from "../public/_locales/en/messages.json";

/** A key of the English catalogue: a typo or a missing key fails `tsc`, not the user. */
export type MessageKey = keyof typeof enCatalogue;

export type Substitution = string | number;

/**
 * The message for `key` in the browser's UI language. Falls back to the key itself when the
 * catalogue lacks it or `browser.i18n` is unavailable (unit tests in fake-browser), so a
 * missing string is visible instead of an empty label.
 */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  return lookup(key, substitutions) ?? key;
}

/**
 * For keys built at run time (e.g. field error suffixes sent by the background): tries `key`,
 * then `fallback`. The fallback is typed, so there is always a sentence to show.
 */
export function tDynamic(key: string, fallback: MessageKey, ...substitutions: Substitution[]) {
  return lookup(key, substitutions) ?? t(fallback, ...substitutions);
}

/** The message for a run-time key, or undefined when the catalogue has none. */
export function tMaybe(key: string, ...substitutions: Substitution[]): string | undefined {
  return lookup(key, substitutions);
}

function lookup(key: string, substitutions: Substitution[]): string | undefined {
  try {
    const message = browser.i18n.getMessage(
      key,
      substitutions.length ? substitutions.map(String) : undefined,
    );
    return message || undefined;
  } catch {
    return undefined;
  }
}

/** `<html lang>` follows the browser's UI language, so screen readers pick the right voice. */
export function applyDocumentLanguage(doc: Document = document): void {
  try {
    const lang = browser.i18n.getUILanguage();
    if (lang) doc.documentElement.lang = lang.replace("_", "-");
  } catch {
    // No i18n API (tests): keep whatever the HTML says.
  }
}
