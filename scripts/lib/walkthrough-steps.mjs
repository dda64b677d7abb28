// The steps of `npm start`'s walkthrough (run by walkthrough.mjs), in order. Each drives the
// UI by its visible English text; a step whose UI is not there yet throws Skip, so it prints
// "skipped (not built yet)" instead of failing. Add a step here and it runs on the next
// `npm start`.
import {
  clickButton,
  contentScriptMarker,
  fillByLabels,
  findButton,
  findByLabel,
  valuesByLabels,
  waitForLoadSettled,
} from "./page-helpers.mjs";
import { LOOKALIKE_HOSTS } from "./hosts.mjs";

/**
 * @typedef {import("puppeteer-core").Page} Page
 * @typedef {import("./browsers.mjs").ExtensionBrowser} ExtensionBrowser
 *
 * @typedef {object} WalkContext
 * @property {ExtensionBrowser} eb
 * @property {string} siteUrl The IamOffice URL to open (demo or real).
 * @property {boolean} demo False with `--real`: demo-only steps are left out.
 * @property {(page: Page, name: string) => Promise<string>} screenshot Saves, returns the path.
 * @property {(which: string) => Promise<Page>} openExtensionPage "options" or a path
 *   inside the extension; opens a new tab.
 * @property {(over?: Page) => Promise<Page>} openPopup The popup over the tab `over`
 *   (see extension-pages.mjs).
 * @property {(url: string) => Promise<Page>} openPage A new tab loaded with `url`.
 * @property {{ vault?: boolean, entry?: boolean }} done What earlier steps achieved.
 * @property {Page | undefined} current The page opened last (screenshotted when a step fails).
 *
 * @typedef {object} Step
 * @property {string} title
 * @property {boolean} [demoOnly]
 * @property {(ctx: WalkContext) => Promise<string | void>} run Returns a short detail.
 *
 * @typedef {"ok" | "skipped" | "failed"} Outcome
 */

/** Thrown by a step whose feature is not there (yet). */
export class Skip extends Error {}

/** The demo account and vault the walk creates (throw-away profile; nothing is kept). */
export const WALK_ACCOUNT = Object.freeze({
  name: "Démo",
  workspace: "demo",
  identifier: "marie.dupont",
  password: "Mot-de-passe-de-démo-7",
  master: "correct horse battery staple 42",
});

/**
 * Polls `probe` until it returns a truthy value or `ms` pass; returns the last value.
 * @template T
 * @param {() => Promise<T>} probe
 * @param {number} ms
 * @returns {Promise<T>}
 */
export async function waitFor(probe, ms) {
  const deadline = Date.now() + ms;
  let value = await probe();
  while (!value && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 150));
    value = await probe();
  }
  return value;
}

const DEMO_LABELS = ["Espace de travail", "Identifiant", "Mot de passe"];

/** @type {Step[]} */
export const STEPS = [
  {
    title: "Open the IamOffice login window",
    run: async (ctx) => {
      const page = await ctx.openPage(ctx.siteUrl);
      const field = ctx.demo
        ? await waitFor(() => findByLabel(page, "Espace de travail"), 5000)
        : true;
      const shot = await ctx.screenshot(page, "login-window");
      if (!field) throw new Error("the demo shows no 'Espace de travail' field");
      return `${page.url()} — ${shot}`;
    },
  },
  {
    title: "The content script runs on soft.iamoffice.net",
    run: async (ctx) => {
      const page = await ctx.openPage(ctx.siteUrl);
      const marker = await waitFor(() => contentScriptMarker(page), 5000);
      await page.close();
      if (!marker) throw new Error("no content-script marker on the page");
      return `marker "${marker}"`;
    },
  },
  {
    title: "…and not on a lookalike host",
    demoOnly: true,
    run: async (ctx) => {
      const url = `https://${LOOKALIKE_HOSTS.hyphen}/`;
      const page = await ctx.openPage(url);
      await waitForLoadSettled(page);
      const marker = await contentScriptMarker(page);
      await page.close();
      if (marker) throw new Error(`the content script ran on ${url}`);
      return url;
    },
  },
  {
    title: "Create a vault in the options page",
    demoOnly: true,
    run: async (ctx) => {
      const page = await ctx.openExtensionPage("options");
      const field = await waitFor(() => findByLabel(page, "Master password"), 5000);
      if (!field) {
        await ctx.screenshot(page, "options");
        throw new Skip("no 'Master password' field in the options page");
      }
      await fillByLabels(page, {
        "Master password": WALK_ACCOUNT.master,
        "Confirm master password": WALK_ACCOUNT.master,
      });
      await clickButton(page, "Create vault");
      // Argon2id with 64 MiB takes a moment; the creation form goes away when it is done.
      const gone = await waitFor(
        async () => !(await findByLabel(page, "Confirm master password")),
        30_000,
      );
      const shot = await ctx.screenshot(page, "vault-created");
      if (!gone) throw new Error(`the vault form is still there — see ${shot}`);
      ctx.done.vault = true;
      return shot;
    },
  },
  {
    title: "Add a workspace",
    demoOnly: true,
    run: async (ctx) => {
      if (!ctx.done.vault) throw new Skip("needs a vault");
      const page = await ctx.openExtensionPage("options");
      const add = await waitFor(() => findButton(page, "Add workspace"), 5000);
      if (!add) throw new Skip("no 'Add workspace' button");
      await add.click();
      const ready = await waitFor(() => findByLabel(page, "Workspace"), 5000);
      if (!ready) throw new Skip("no 'Workspace' field after 'Add workspace'");
      await fillByLabels(page, {
        Name: WALK_ACCOUNT.name,
        Workspace: WALK_ACCOUNT.workspace,
        Identifier: WALK_ACCOUNT.identifier,
        Password: WALK_ACCOUNT.password,
      });
      await clickButton(page, "Save");
      const listed = await waitFor(
        () => page.evaluate((name) => document.body.innerText.includes(name), WALK_ACCOUNT.name),
        10_000,
      );
      const shot = await ctx.screenshot(page, "workspace-added");
      if (!listed) throw new Error(`"${WALK_ACCOUNT.name}" is not listed — see ${shot}`);
      ctx.done.entry = true;
      return shot;
    },
  },
  {
    title: "Watch the login window fill",
    demoOnly: true,
    run: async (ctx) => {
      if (!ctx.done.entry) throw new Skip("needs a saved workspace");
      const page = await ctx.openPage(ctx.siteUrl);
      const filled = await waitFor(async () => {
        const v = await valuesByLabels(page, DEMO_LABELS);
        return v.Identifiant === WALK_ACCOUNT.identifier ? v : undefined;
      }, 8000);
      const shot = await ctx.screenshot(page, "filled");
      if (!filled) throw new Skip(`the login window was not filled automatically — ${shot}`);
      return shot;
    },
  },
  {
    title: "Log in from the popup",
    demoOnly: true,
    run: async (ctx) => {
      if (!ctx.done.entry) throw new Skip("needs a saved workspace");
      const demo = await ctx.openPage(ctx.siteUrl);
      const popup = await ctx.openPopup(demo);
      const entry = await waitFor(
        () => findButton(popup, new RegExp(`^${WALK_ACCOUNT.name}\\b`)),
        5000,
      );
      await ctx.screenshot(popup, "popup");
      if (!entry) throw new Skip(`no '${WALK_ACCOUNT.name}' button in the popup`);
      await entry.click();
      // The popup opens or reuses an IamOffice tab; find whichever one logged in.
      const page = await waitFor(async () => {
        for (const p of await ctx.eb.browser.pages()) {
          const ok = await p
            .evaluate(
              () =>
                location.origin === "https://soft.iamoffice.net" &&
                document.body?.dataset.loggedIn === "1",
            )
            .catch(() => false);
          if (ok) return p;
        }
        return undefined;
      }, 20_000);
      if (!page) throw new Error("no IamOffice tab got logged in");
      const sent = await page.evaluate(
        () => /** @type {{ __submitted?: unknown }} */ (window).__submitted,
      );
      const shot = await ctx.screenshot(page, "logged-in");
      return `the page received ${JSON.stringify(sent)} — ${shot}`;
    },
  },
];
