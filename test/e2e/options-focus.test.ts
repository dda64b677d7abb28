// The options page as a person uses it in a small window (800×600): workspaces added one after
// another by mouse (every click aimed at what shows on screen, and checked to land there) and
// by keyboard only, the welcome card leaving with the first workspace and coming back with
// none, and a Tab walk over the whole page in which no focused element may hide under the
// sticky section bar (WCAG 2.2 SC 2.4.11), also when the bar wraps onto two lines.
// Tests share one browser and one vault, and run in order.
import type { ElementHandle, Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { describeEachBrowser } from "./harness";
import { clickAtCentre, focusedElementName, focusProblem, obscured, wheelTopTo } from "./on-screen";
import {
  type Account,
  createVault,
  focusedName,
  getsFocus,
  until,
  visibleText,
  waitForButton,
  waitForButtonIn,
  waitForField,
  waitForText,
  workspaceRows,
} from "./ui-flows";

const SMALL = { width: 800, height: 600 };
/** Narrow enough for the section bar to wrap onto a second line. */
const NARROW = { width: 420, height: 640 };
const POPUP_WIDTH = { width: 360, height: 600 };

const BY_MOUSE: Account[] = [
  { name: "Cabinet Martin", workspace: "martin", identifier: "marie.dupont", password: "pw-m1" },
  { name: "Boulangerie Dupré", workspace: "dupre", identifier: "compta", password: "pw-m2" },
  { name: "Garage Leroy", workspace: "leroy", identifier: "marie", password: "pw-m3" },
];
const BY_KEYBOARD: Account[] = [
  { name: "Pharmacie du Centre", workspace: "pharma", identifier: "md", password: "pw-k1" },
  { name: "Transports Morel", workspace: "morel", identifier: "compta", password: "pw-k2" },
  { name: "SARL Horizon", workspace: "horizon", identifier: "m.dupont", password: "pw-k3" },
];
const WELCOME = "Your vault is ready";

const savedText = (a: Account) => `“${a.name || a.workspace}” saved.`;

/** Null once `element` shows unobscured (a jump has landed), else the last reason after 2 s. */
async function eventuallyClear(element: ElementHandle<Element>): Promise<string | null> {
  return until(async () => (await obscured(element)) === null, "the element to show", 2000)
    .then(() => null)
    .catch(() => obscured(element));
}

/** Fails with the reason when the focused element is obscured; checks it is `name` first. */
async function expectFocusOn(page: Page, name: string): Promise<void> {
  await until(async () => (await focusedName(page)) === name, `the focus on "${name}"`);
  expect(await focusProblem(page)).toBeNull();
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focus is on `name`, checking that no stop on
 * the way is obscured; throws after `max` presses.
 */
async function tabTo(page: Page, name: string, { back = false, max = 80 } = {}): Promise<void> {
  for (let presses = 0; ; presses++) {
    if (presses > max) throw new Error(`${max} presses never reached "${name}"`);
    await press(page, back);
    if (!(await page.evaluate(() => document.hasFocus()))) continue; // in the browser's toolbar
    const problem = await focusProblem(page);
    if (problem) throw new Error(problem);
    if ((await focusedName(page)) === name) return;
  }
}

async function press(page: Page, back: boolean): Promise<void> {
  if (back) await page.keyboard.down("Shift");
  await page.keyboard.press("Tab");
  if (back) await page.keyboard.up("Shift");
}

/**
 * Tabs (or Shift+Tabs) through the whole page from where the focus is now, until the focus
 * comes back to an element already visited or stops moving (Firefox hands it to its toolbar
 * past the end of the page). Returns every stop in order and, for each obscured one, why.
 * Firefox quirk: once its toolbar had the focus, Shift+Tab moves the page's focus again while
 * `document.hasFocus()` stays false, so the walk follows `activeElement` only.
 */
async function walkFocus(
  page: Page,
  back: boolean,
): Promise<{ stops: string[]; problems: string[] }> {
  const stops: string[] = [];
  const problems: string[] = [];
  const visited = new Set<number>();
  let previous = await focusedIndex(page);
  let idle = 0;
  for (let presses = 0; presses < 400; presses++) {
    await press(page, back);
    const at = await focusedIndex(page);
    if (at < 0 || at === previous) {
      // Not in the page yet (a fresh tab), or out of it past its last element.
      if (stops.length) break;
      if (++idle > 12) throw new Error("the Tab key never brought the focus into the page");
      continue;
    }
    previous = at;
    if (visited.has(at)) break;
    visited.add(at);
    // Judged as a person sees it: once the browser has rendered the focus change, the scroll
    // that brings the focused element into view included (Firefox applies it at its next frame).
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    stops.push(await focusedElementName(page));
    const problem = await focusProblem(page);
    if (problem) problems.push(problem);
  }
  return { stops, problems };
}

/** The focused element's position among all elements, or -1 for none (the body). */
function focusedIndex(page: Page): Promise<number> {
  return page.evaluate(() =>
    document.activeElement && document.activeElement !== document.body
      ? [...document.querySelectorAll("*")].indexOf(document.activeElement)
      : -1,
  );
}

describeEachBrowser("options page by mouse and keyboard in a small window", (h) => {
  let options: Page | undefined;

  /** The options tab, in front (Chromium neither renders nor takes input in a hidden tab). */
  const page = async (): Promise<Page> => {
    if (!options) throw new Error("the options page is opened by the first test");
    await options.bringToFront();
    return options;
  };

  /** Opens the options page afresh (nothing focused, scrolled to the top) at `size`. */
  const reopen = async (size: { width: number; height: number }): Promise<Page> => {
    await options?.close();
    const o = (options = await h.openOptions());
    await o.setViewport(size);
    await waitForButton(o, "Add workspace");
    return o;
  };

  it("by mouse: three workspaces one after another, every click landing on what it aims at", async () => {
    const o = (options = await createVault(h));
    await o.setViewport(SMALL);
    expect(await visibleText(o)).toContain(WELCOME);
    for (const [i, account] of BY_MOUSE.entries()) {
      // The section's own button, which the previous save must leave in view and clear of the
      // section bar (the welcome card's button is the keyboard test's way in).
      const add = await waitForButton(o, "Add workspace");
      await clickAtCentre(o, add);
      expect(await getsFocus(await waitForField(o, "Workspace"))).toBe(true);
      if (i !== 1) {
        // The first and the last time, the person scrolls the new form up to read it, and
        // stops (a touchpad stops anywhere) with the button that opened it just under the
        // section bar, as in the report; the second time they scroll only if Save is out of
        // reach. Either way, after the save that button must be in view again.
        await wheelTopTo(o, add, 4);
      }
      await add.dispose();
      for (const [label, value] of [
        ["Name", account.name],
        ["Workspace", account.workspace],
        ["Identifier", account.identifier],
        ["Password", account.password],
      ] as const) {
        const field = await waitForField(o, label);
        await clickAtCentre(o, field, { scrollDown: true });
        expect(await getsFocus(field), label).toBe(true);
        await o.keyboard.type(value);
        await field.dispose();
      }
      await clickAtCentre(o, await waitForButton(o, "Save"), { scrollDown: true });
      await waitForText(o, savedText(account));
      // A workspace exists: the card inviting to add a first one has gone.
      expect(await visibleText(o)).not.toContain(WELCOME);
    }
    expect((await workspaceRows(o)).map((row) => row[0]).sort()).toEqual(
      BY_MOUSE.map((a) => a.name).sort(),
    );
  });

  it("by mouse: deleting every workspace brings the welcome card back", async () => {
    const o = await page();
    for (const account of BY_MOUSE) {
      await clickAtCentre(o, await waitForButton(o, `Delete ${account.name}`), {
        scrollDown: true,
      });
      const question = `Delete “${account.name}”?`;
      await clickAtCentre(o, await waitForButtonIn(o, question, "Delete"), { scrollDown: true });
      await waitForText(o, `“${account.name}” deleted.`);
    }
    await waitForText(o, WELCOME);
    expect(await workspaceRows(o)).toEqual([]);
    // The Undo offer for the last one is still there, in view and clear of the bar.
    const undo = await waitForButton(o, "Undo");
    expect(await obscured(undo)).toBeNull();
  });

  it("by keyboard only: three workspaces one after another with Tab, typing and Enter", async () => {
    const o = await reopen(SMALL);
    await waitForText(o, WELCOME);
    await tabTo(o, "Add your first workspace");
    for (const [i, account] of BY_KEYBOARD.entries()) {
      // The previous save left the focus on "Add workspace", in view.
      if (i) await expectFocusOn(o, "Add workspace");
      await o.keyboard.press("Enter");
      await expectFocusOn(o, "Workspace");
      await o.keyboard.type(account.workspace);
      await press(o, true);
      await expectFocusOn(o, "Name");
      await o.keyboard.type(account.name);
      await o.keyboard.press("Tab");
      await expectFocusOn(o, "Workspace");
      await o.keyboard.press("Tab");
      await expectFocusOn(o, "Identifier");
      await o.keyboard.type(account.identifier);
      await o.keyboard.press("Tab");
      await expectFocusOn(o, "Password");
      await o.keyboard.type(account.password);
      await o.keyboard.press("Enter");
      await waitForText(o, savedText(account));
      expect(await visibleText(o)).not.toContain(WELCOME);
    }
    await expectFocusOn(o, "Add workspace");
    expect((await workspaceRows(o)).map((row) => row[0]).sort()).toEqual(
      BY_KEYBOARD.map((a) => a.name).sort(),
    );
  });

  for (const [what, size] of [
    ["800×600", SMALL],
    [`${NARROW.width} px wide (the section bar on two lines)`, NARROW],
  ] as const) {
    it(`Tab and Shift+Tab through the whole page at ${what}: no focused element is obscured`, async () => {
      const o = await reopen(size);
      const forward = await walkFocus(o, false);
      expect(forward.problems).toEqual([]);
      // Every section was reached, down to the last one.
      expect(forward.stops).toContain("Add workspace");
      const [first] = await workspaceRows(o);
      expect(forward.stops).toContain(`Edit ${first?.[0]}`);
      expect(forward.stops).toContain("Find bookmarks with passwords");
      const backward = await walkFocus(o, true);
      expect(backward.problems).toEqual([]);
      expect(backward.stops.length).toBeGreaterThanOrEqual(forward.stops.length - 1);
    });
  }

  it(`at a popup's width (${POPUP_WIDTH.width} px) the page does not scroll sideways`, async () => {
    const o = await reopen(POPUP_WIDTH);
    const wider = await o.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .map((el) => `<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").slice(0, 40)}"`);
    });
    expect(wider).toEqual([]);
  });

  it(`the section bar's links at ${NARROW.width} px: each section's heading shows below the bar`, async () => {
    const o = await reopen(NARROW);
    for (const section of [
      "Settings",
      "Security",
      "Backup",
      "Rescue from bookmarks",
      "Workspaces",
    ]) {
      const link = await until(
        async () =>
          (
            await o.evaluateHandle(
              (text) =>
                [...document.querySelectorAll("nav a")].find(
                  (a) => a.textContent?.trim() === text,
                ) ?? null,
              section,
            )
          ).asElement() as ElementHandle<Element> | null,
        `the link "${section}" in the section bar`,
      );
      await clickAtCentre(o, link);
      // The section the link names is the page's target now: its heading must show whole.
      const heading = await until(
        async () =>
          (
            await o.evaluateHandle((text) => {
              const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
              const h2 = target?.querySelector("h2");
              return h2?.textContent?.trim() === text ? h2 : null;
            }, section)
          ).asElement() as ElementHandle<Element> | null,
        `the page to go to ${section}`,
      );
      expect(await eventuallyClear(heading), section).toBeNull();
    }
  });
});
