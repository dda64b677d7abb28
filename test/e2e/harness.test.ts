// The harness and the demo IamOffice behave the way feature tests assume. If one of these
// fails, fix the harness/demo before reading any feature test failure.
import { readdirSync } from "node:fs";
import type { Page } from "puppeteer-core";
import { describe, expect, it } from "vitest";
import {
  IAMOFFICE_URL,
  clickButton,
  contentScriptMarker,
  demoState,
  describeEachBrowser,
  type DemoWindow,
  fillByLabels,
  findButton,
  findByLabel,
  valuesByLabels,
} from "./harness";

type TestWindow = DemoWindow & { __noReload?: boolean };
const LABELS = ["Espace de travail", "Identifiant", "Mot de passe"];
const ACCOUNT = { workspace: "acme", identifier: "marie.dupont", password: "s3cret pass" };

async function logIn(page: Page): Promise<void> {
  await fillByLabels(page, {
    "Espace de travail": ACCOUNT.workspace,
    Identifiant: ACCOUNT.identifier,
    "Mot de passe": ACCOUNT.password,
  });
  await clickButton(page, "Connexion");
  await page.waitForFunction(() => document.body.dataset.loggedIn === "1", { timeout: 5000 });
}

describeEachBrowser("harness and demo site", (h, name) => {
  describe("harness", () => {
    it("evaluates in an extension page with browser.*, in English", async () => {
      const [url, language] = await h.evalInExtension((browser) => [
        browser.runtime.getURL(""),
        browser.i18n.getUILanguage(),
      ]);
      expect(url).toBe(`${h.extensionOrigin}/`);
      expect(language).toMatch(/^en/);
    });

    it("passes arguments to evalInExtension as JSON", async () => {
      expect(await h.evalInExtension((_browser, a, b) => `${a}-${b.n}`, "x", { n: 2 })).toBe("x-2");
    });

    it("opens the options page in the extension origin", async () => {
      const page = await h.openOptions();
      expect(await page.evaluate(() => location.origin)).toBe(h.extensionOrigin);
      await page.close();
    });

    it("opens the popup over the IamOffice tab, which it sees as the active tab", async () => {
      const demo = await h.goto();
      const popup = await h.openPopup({ over: demo });
      try {
        expect(await popup.evaluate(() => location.origin)).toBe(h.extensionOrigin);
        const active = await h.evalInExtensionPage(popup, async (browser) => {
          const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
          return tab?.url;
        });
        expect(active).toBe(IAMOFFICE_URL);
      } finally {
        await popup.close();
      }
    });

    it.skipIf(name !== "chromium")("stops and wakes the service worker", async () => {
      await h.wakeServiceWorker();
      expect(h.isServiceWorkerRunning()).toBe(true);
      await h.stopServiceWorker();
      expect(h.isServiceWorkerRunning()).toBe(false);
      const worker = await h.wakeServiceWorker();
      expect(await worker.evaluate(() => self.location.protocol)).toBe("chrome-extension:");
    });

    it("serves test/fixtures/ under https://soft.iamoffice.net/fixtures/", async (ctx) => {
      const file = readdirSync("test/fixtures/login").find((f) => f.endsWith(".html"));
      if (!file) return ctx.skip();
      const page = await h.goto(h.fixtureUrl(`login/${file}`));
      expect(page.url()).toBe(`${IAMOFFICE_URL}fixtures/login/${file}`);
      await page.waitForFunction(() => document.documentElement.dataset.iamofficeLogin);
      expect(await contentScriptMarker(page)).toBe("ready");
    });

    it("lets a test add its own pages per host", async () => {
      const remove = h.site.page("evil.test", "/spoof", "<title>spoof</title><p>hello</p>");
      try {
        const page = await h.goto("https://evil.test/spoof");
        expect(await page.title()).toBe("spoof");
      } finally {
        remove();
      }
      const page = await h.goto("https://evil.test/spoof");
      expect(await page.evaluate(() => document.body.innerText)).toMatch(/no route/);
    });
  });

  describe("demo IamOffice", () => {
    it("logs in with what was typed and shows the dashboard with the user top right", async () => {
      const page = await h.goto();
      expect(await valuesByLabels(page, LABELS)).toEqual({
        "Espace de travail": "",
        Identifiant: "",
        "Mot de passe": "",
      });
      await logIn(page);
      expect((await demoState(page)).submitted).toEqual(ACCOUNT);
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain("Tableau de bord");
      expect(text).toContain(ACCOUNT.identifier);
      expect(text).toContain(ACCOUNT.workspace);
    });

    it("Déconnexion brings back a fresh login window without reloading", async () => {
      const page = await h.goto();
      await logIn(page);
      await page.evaluate(() => ((window as unknown as TestWindow).__noReload = true));
      await clickButton(page, "Déconnexion");
      await page.waitForFunction(() => document.body.dataset.loggedIn === "0");
      expect(await findByLabel(page, "Mot de passe")).not.toBeNull();
      expect(await page.evaluate(() => (window as unknown as TestWindow).__noReload)).toBe(true);
      expect(await valuesByLabels(page, LABELS)).toEqual({
        "Espace de travail": "",
        Identifiant: "",
        "Mot de passe": "",
      });
    });

    it("ignores values written to the DOM without input events", async () => {
      const page = await h.goto();
      await page.evaluate(() => {
        for (const input of document.querySelectorAll("input")) input.value = "x";
      });
      await clickButton(page, "Connexion");
      expect((await demoState(page)).submitted).toEqual({
        workspace: "",
        identifier: "",
        password: "",
      });
      expect(await page.evaluate(() => document.body.dataset.loggedIn)).toBe("0");
    });

    it("prefills from the vendor fragment #ESPACE&login=…&password=…", async () => {
      const page = await h.newPage(`${IAMOFFICE_URL}#acme&login=marie&password=p%40ss`);
      try {
        expect(await valuesByLabels(page, LABELS)).toEqual({
          "Espace de travail": "acme",
          Identifiant: "marie",
          "Mot de passe": "p@ss",
        });
      } finally {
        await page.close();
      }
    });

    it("J'ai oublié mes identifiants leads to a recovery form without password", async () => {
      const page = await h.goto();
      await clickButton(page, "J'ai oublié mes identifiants");
      await page.waitForFunction(() => document.body.dataset.view === "recovery");
      expect(await findByLabel(page, "Adresse e-mail")).not.toBeNull();
      expect(await findByLabel(page, "Espace de travail")).not.toBeNull();
      expect(await findByLabel(page, "Mot de passe")).toBeNull();
      expect(await findButton(page, "Envoyer")).not.toBeNull();
    });

    it("logs out after ?idle=N seconds without action, with a message", async () => {
      const page = await h.goto(`${IAMOFFICE_URL}?idle=1`);
      await logIn(page);
      await page.waitForFunction(() => document.body.dataset.loggedIn === "0", {
        timeout: 5000,
      });
      expect(await page.evaluate(() => document.body.innerText)).toContain(
        "Vous avez été déconnecté pour inactivité.",
      );
      expect((await demoState(page)).logouts.at(-1)?.reason).toBe("idle");
    });

    it("counts only the user's own (trusted) events as activity", async () => {
      const page = await h.goto();
      await logIn(page);
      const lastActivity = () =>
        page.evaluate(() => (window as unknown as DemoWindow).__demo.lastActivity);
      const before = await lastActivity();
      await new Promise((done) => setTimeout(done, 20));
      await page.evaluate(() => {
        document.dispatchEvent(new KeyboardEvent("keydown", { key: "a", bubbles: true }));
        document.dispatchEvent(new WheelEvent("wheel", { bubbles: true }));
      });
      expect(await lastActivity()).toBe(before);
      await page.keyboard.press("Shift");
      expect(await lastActivity()).toBeGreaterThan(before);
    });
  });
});
