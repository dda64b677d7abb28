// Browser APIs fake-browser leaves unimplemented, stubbed for background unit tests: i18n from
// the real English catalogue, and recorders for the badge and notifications.
import { readFileSync } from "node:fs";
import { afterEach, vi } from "vitest";
import type { Runtime } from "webextension-polyfill";
import { fakeBrowser } from "@webext-core/fake-browser";
import { allRecorded } from "../../src/background/page-report";

const en = JSON.parse(
  readFileSync(`${process.cwd()}/public/_locales/en/messages.json`, "utf8"),
) as Record<string, { message: string }>;

export const recorded = {
  badge: "",
  notifications: new Map<string, { title: string; message: string }>(),
};

// A fill's answer may go back before its report is recorded: what a test's last report left to
// record must not land in the next test's storage (reset before each test).
afterEach(() => allRecorded());

export function stubBackgroundApis(): void {
  recorded.badge = "";
  recorded.notifications.clear();
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.i18n!.getMessage = vi.fn((key: string, sub?: string | string[]) => {
    const subs = sub === undefined ? [] : Array.isArray(sub) ? sub : [sub];
    return (en[key]?.message ?? "").replace(/\$[A-Z_]+\$/g, () => subs.shift() ?? "");
  });
  b.action!.setBadgeText = vi.fn(({ text }: { text: string }) => {
    recorded.badge = text;
    return Promise.resolve();
  });
  b.action!.setBadgeBackgroundColor = vi.fn(async () => {});
  b.action!.setTitle = vi.fn(async () => {});
  b.notifications!.create = vi.fn((id: string, o: { title: string; message: string }) => {
    recorded.notifications.set(id, o);
    return Promise.resolve(id);
  });
  b.notifications!.clear = vi.fn((id: string) =>
    Promise.resolve(recorded.notifications.delete(id)),
  );
}

/** Our content script in the top frame of an IamOffice tab, as the router sees it. */
export function contentSender(
  url = "https://soft.iamoffice.net/",
  tabId = 7,
): Runtime.MessageSender {
  return {
    id: "test-extension-id",
    url,
    frameId: 0,
    tab: {
      id: tabId,
      url,
      index: 0,
      highlighted: false,
      active: true,
      pinned: false,
      incognito: false,
    },
  };
}
