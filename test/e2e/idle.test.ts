// The idle-logout watch as a user meets it — a warning notification and a
// toolbar countdown before IamOffice's idle logout, cleared by real activity in the page; a
// "logged out" notification after it, whose click logs back in; nothing after the user's own
// Déconnexion; and the warning even when the background was stopped mid-countdown.
//
// The clock is shortened through the validated settings path (src/settings.ts), and the demo is
// told to log out after the same time (`?idle=`). The content script reports activity at most
// every 20 s (leading edge), so a test that expects an action to be reported lets 20 s pass
// since the previous one — the Connexion click is one.
import type { Page } from "puppeteer-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addWorkspace, createVault, eventually } from "./flows";
import { IAMOFFICE_URL, clickButton, demoState, describeEachBrowser } from "./harness";
import {
  ACCOUNT,
  BADGE_WARNING,
  NOTE,
  activeTabUrl,
  backgroundRunning,
  badge,
  diagnostics,
  logIn,
  setClock,
  sleep,
  startOver,
  stopBackground,
  waitFor,
  waitForFilledLogin,
} from "./idle-flows";
import { clearedSince, lastShown, notificationIds, notificationProbe } from "./notification-probe";

/**
 * For an event that must have no effect at all (a page's synthetic event, a user's own
 * logout) the extension produces no signal to wait for: this is how long such a check gives
 * it, several times what the matching positive case takes here.
 */
const NEGATIVE_WAIT_MS = 1500;

/**
 * Warning 21 s after the last action (5.5 − 5.15 min), so the next action is past the content
 * script's 20 s throttle; the badge counts the last 5.15 minutes, so it appears with the
 * warning and goes when an action restarts the clock at 5.5 minutes left.
 */
const WARN_CLOCK = { idleTimeoutMinutes: 5.5, warningLeadMinutes: 5.15 };
const WARN_AFTER_MS = 21_000;
/** IamOffice's own logout after 15 s (demo ?idle=15), our clock the same; warning at 9 s. */
const LOGOUT_CLOCK = { idleTimeoutMinutes: 0.25, warningLeadMinutes: 0.1 };
const LOGOUT_SECONDS = 15;

const WARNING_TEXT = /^You will be logged out of IamOffice in (\d+) minutes? for inactivity$/;

describeEachBrowser("idle-logout watch", (h, name) => {
  const notes = notificationProbe(h, name);
  let page: Page;
  let lastAction = 0;

  /**
   * Waits for the warning and checks what it says (minutes left) against the badge. Chromium
   * reads the text in the worker, so not after a restart of the worker: `text: false` then.
   */
  async function expectWarning({ timeout, text }: { timeout: number; text: boolean }) {
    await waitFor(
      "the idle warning notification",
      async () => (await notificationIds(h)).includes(NOTE.warn),
      { timeout },
    );
    // The badge is refreshed just after the notification is shown.
    const b = await eventually(
      () => badge(h),
      (v) => v.text !== "" && v.color.join() === BADGE_WARNING.join(),
      { timeout: 2000 },
    );
    expect(b.text).toMatch(/^\d+m$/);
    expect(b.color).toEqual(BADGE_WARNING);
    expect(b.title).toBe(`${b.text.slice(0, -1)} min before the IamOffice idle logout`);
    if (!text) return;
    const shown = lastShown(await notes.events(), NOTE.warn);
    expect(shown?.title).toBe("IamOffice: idle logout soon");
    expect(shown?.message).toMatch(WARNING_TEXT);
    expect(shown?.buttons).toEqual(name === "chromium" ? ["Go to IamOffice"] : []);
    expect(`${WARNING_TEXT.exec(shown?.message ?? "")?.[1]}m`).toBe(b.text);
  }

  /** The extension takes the warning and the countdown away after the user's action at `since`. */
  async function expectWarningCleared(since: number): Promise<void> {
    // Headless Chromium also drops a notification by itself after ~8 s (no notification
    // centre on Linux without a notification daemon): what counts is that the extension
    // cleared it.
    await waitFor("the extension to clear the warning", async () =>
      clearedSince(await notes.events(), NOTE.warn, since),
    );
    expect(await notificationIds(h)).not.toContain(NOTE.warn);
    await waitFor("the countdown badge to go", async () => (await badge(h)).text === "");
  }

  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      console.log(`[idle] ${name}: state after the failure\n${await diagnostics(h, notes)}`);
    });
  });

  beforeAll(async () => {
    const options = await createVault(h, ACCOUNT.master);
    await addWorkspace(options, ACCOUNT);
    await options.close();
  });

  describe("before the logout", () => {
    it("warns in a notification and counts down in the badge, in minutes", async () => {
      await notes.install();
      await setClock(h, WARN_CLOCK);
      ({ page, at: lastAction } = await logIn(h, { idleSeconds: 600 }));
      // Right after the login: no warning yet, no countdown (5.5 minutes are left).
      await sleep(1000);
      expect(await notificationIds(h)).toEqual([]);
      expect((await badge(h)).text).toBe("");

      await expectWarning({ timeout: WARN_AFTER_MS + 10_000, text: true });
      expect(Date.now() - lastAction).toBeGreaterThanOrEqual(WARN_AFTER_MS - 1000);
      expect((await demoState(page)).loggedIn).toBe(true);
    });

    it("a page script cannot fake activity: the warning stays", async () => {
      const fakedAt = Date.now();
      await page.evaluate(() => {
        for (const type of ["keydown", "pointerdown", "wheel", "touchstart"]) {
          document.body.dispatchEvent(new Event(type, { bubbles: true }));
        }
        document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "a", bubbles: true }));
      });
      await sleep(NEGATIVE_WAIT_MS);
      expect(clearedSince(await notes.events(), NOTE.warn, fakedAt)).toBe(false);
      expect((await badge(h)).color).toEqual(BADGE_WARNING);
    });

    it("a key press in the page clears the warning and the countdown", async () => {
      await page.bringToFront();
      lastAction = Date.now();
      await page.keyboard.press("Tab");
      await expectWarningCleared(lastAction);
    });

    it("still warns when the background was stopped mid-countdown (the alarm wakes it)", async () => {
      await notes.install();
      await stopBackground(h);
      expect(await backgroundRunning(h)).toBe(false);

      await expectWarning({ timeout: WARN_AFTER_MS + 10_000, text: name === "firefox" });
      expect(await backgroundRunning(h)).toBe(true);
    });

    it("a mouse click in the page clears it too", async () => {
      expect(Date.now() - lastAction).toBeGreaterThan(20_000);
      await notes.install(); // Chromium: the worker restarted, and the spy with it.
      await page.bringToFront();
      const heading = await page.$("::-p-text(Tableau de bord)");
      const box = await heading?.boundingBox();
      if (!box) throw new Error("no 'Tableau de bord' on the dashboard");
      lastAction = Date.now();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expectWarningCleared(lastAction);
      expect((await demoState(page)).loggedIn).toBe(true);
    });

    it("clicking the warning brings the IamOffice tab to the front", async () => {
      await startOver(h);
      await notes.install();
      // Warns 3 s after the login; our deadline (which takes the warning away) is 60 s after it,
      // so the whole test, however slow the machine, happens while the warning is up.
      await setClock(h, { idleTimeoutMinutes: 1, warningLeadMinutes: 0.95 });
      const { page: demo } = await logIn(h, { idleSeconds: 600 });
      const other = await h.newPage(); // the user works in another tab meanwhile
      try {
        expect(await activeTabUrl(h)).toBe("about:blank");
        await waitFor("the idle warning", async () =>
          (await notificationIds(h)).includes(NOTE.warn),
        );
        const clickedAt = Date.now();
        await notes.click(NOTE.warn);
        await waitFor("the IamOffice tab to come to the front", async () =>
          (await activeTabUrl(h))?.startsWith(IAMOFFICE_URL),
        );
        expect(await demo.evaluate(() => document.visibilityState)).toBe("visible");
        expect(clearedSince(await notes.events(), NOTE.warn, clickedAt)).toBe(true);
        expect(await notificationIds(h)).toEqual([]);
      } finally {
        await other.close();
      }
    });
  });

  describe("after the logout", () => {
    it("an idle logout replaces the warning with 'logged out'; clicking it logs back in", async () => {
      await startOver(h);
      await notes.install();
      await setClock(h, LOGOUT_CLOCK);
      const { page: demo, at: loggedInAt } = await logIn(h, { idleSeconds: LOGOUT_SECONDS });
      const loginsBefore = (await demoState(demo)).logins.length;

      // The warning comes before IamOffice's logout (alarms fire within seconds here).
      await waitFor(
        "the idle warning",
        async () => (await notificationIds(h)).includes(NOTE.warn),
        { timeout: LOGOUT_SECONDS * 1000 },
      );
      expect((await demoState(demo)).loggedIn).toBe(true);

      await demo.waitForFunction(() => document.body.dataset.loggedIn === "0", {
        timeout: LOGOUT_SECONDS * 1000,
      });
      expect((await demoState(demo)).logouts.at(-1)?.reason).toBe("idle");
      await waitFor("the 'logged out' notification", async () =>
        (await notificationIds(h)).includes(NOTE.loggedOut),
      );
      expect(await notificationIds(h)).toEqual([NOTE.loggedOut]);
      const events = await notes.events();
      expect(clearedSince(events, NOTE.warn, loggedInAt), "the warning was taken away").toBe(true);
      const shown = lastShown(events, NOTE.loggedOut);
      expect(shown?.title).toBe("IamOffice: logged out");
      expect(shown?.message).toMatch(
        /^You were logged out after \d+ minutes? of inactivity — Log in again$/,
      );
      expect(shown?.buttons).toEqual(name === "chromium" ? ["Log in again"] : []);
      expect((await badge(h)).text).toBe("");

      const clickedAt = Date.now();
      // Chromium: its "Log in again" button; Firefox has no buttons, the notification itself.
      await notes.click(NOTE.loggedOut, name === "chromium" ? { button: 0 } : {});
      await demo.waitForFunction(() => document.body.dataset.loggedIn === "1", {
        timeout: 10_000,
      });
      const state = await demoState(demo);
      expect(state.logins.slice(loginsBefore)).toEqual([
        expect.objectContaining({
          workspace: ACCOUNT.workspace,
          identifier: ACCOUNT.identifier,
          password: ACCOUNT.password,
          ok: true,
        }),
      ]);
      expect(clearedSince(await notes.events(), NOTE.loggedOut, clickedAt)).toBe(true);
      expect(await notificationIds(h)).not.toContain(NOTE.loggedOut);
      // Logged in again: the countdown is back.
      await waitFor("the countdown to restart", async () => /^\d+m$/.test((await badge(h)).text));
    });

    it("the user's own Déconnexion, even past the deadline, shows no notification", async () => {
      await startOver(h);
      await notes.install();
      // Our clock (6 s) runs out long before the demo's (10 min): a login window after our
      // deadline would be taken for an idle logout, were it not for the click on Déconnexion.
      await setClock(h, { idleTimeoutMinutes: 0.1, warningLeadMinutes: 0.05 });
      const { page: demo } = await logIn(h, { idleSeconds: 600 });
      await waitFor("the idle warning", async () => (await notificationIds(h)).includes(NOTE.warn));
      await waitFor(
        "the deadline to pass (the countdown goes)",
        async () => (await badge(h)).text === "",
      );

      const clickedAt = Date.now();
      await clickButton(demo, "Déconnexion");
      await demo.waitForFunction(() => document.body.dataset.loggedIn === "0");
      expect((await demoState(demo)).logouts.at(-1)?.reason).toBe("user");
      // The content script asks for a fill only once the background has handled the login
      // window (and any notification it would show): a filled window means "decided".
      await waitForFilledLogin(demo);
      await waitFor("the extension to clear the warning", async () =>
        clearedSince(await notes.events(), NOTE.warn, clickedAt),
      );
      await sleep(NEGATIVE_WAIT_MS);
      expect(await notificationIds(h)).toEqual([]);
      const events = await notes.events();
      expect(events.filter((e) => e.kind === "shown" && e.at >= clickedAt)).toEqual([]);
      expect((await badge(h)).text).toBe("");
    });
  });
});
