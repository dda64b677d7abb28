// Filling and submitting, run against the fixtures' own page scripts: what matters is what the
// page's submit handler receives (window.__submitted), as a user would see it.
import { afterEach, describe, expect, it } from "vitest";
import { detectLogin, type LoginWindow } from "../../src/content/detect";
import { fillLogin, submitLogin } from "../../src/content/fill";
import {
  LOGIN_FIXTURES,
  loadFixture,
  styleOnlyVisible,
  VALUES,
  type Fixture,
} from "../fixtures/login/harness";

let open: Fixture | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function detected(name: string): Promise<{ fx: Fixture; login: LoginWindow }> {
  open = await loadFixture(name, { settle: true });
  const d = detectLogin(open.doc, { isVisible: styleOnlyVisible });
  if (!d.ok) throw new Error(`${name}: no login window (${d.reason})`);
  return { fx: open, login: d.login };
}

const opts = { isVisible: styleOnlyVisible };

describe("every login fixture", () => {
  it.each(LOGIN_FIXTURES)("%s.html: the page receives the three values", async (name) => {
    const { fx, login } = await detected(name);
    expect(fillLogin(login, VALUES, { replace: true, ...opts })).toEqual({ ok: true, filled: 3 });
    expect(fx.win.__submitted).toBeUndefined();
    expect(await submitLogin(login, opts)).toBe(true);
    expect(fx.win.__submitted).toEqual(VALUES);
    expect(fx.doc.body.dataset.submitted).toBe("1");
  });
});

describe("fillLogin", () => {
  it("fires bubbling input and change events per field, focusing each while it is set", async () => {
    const { fx, login } = await detected("label-for");
    const seen: string[] = [];
    for (const type of ["focus", "input", "change", "blur"]) {
      fx.doc.addEventListener(type, (e) => seen.push(`${type}:${(e.target as Element).id}`), true);
    }
    const bubbled: string[] = [];
    fx.doc.body.addEventListener("input", (e) => bubbled.push((e.target as Element).id));
    fx.doc.body.addEventListener("change", (e) => bubbled.push((e.target as Element).id));
    fillLogin(login, VALUES, { replace: true, ...opts });
    expect(seen).toEqual([
      "focus:f2",
      "input:f2",
      "change:f2",
      "blur:f2",
      "focus:f1",
      "input:f1",
      "change:f1",
      "blur:f1",
      "focus:f3",
      "input:f3",
      "change:f3",
      "blur:f3",
    ]);
    expect(bubbled).toEqual(["f2", "f2", "f1", "f1", "f3", "f3"]);
    expect([login.workspace.value, login.identifier.value, login.password.value]).toEqual([
      VALUES.workspace,
      VALUES.identifier,
      VALUES.password,
    ]);
  });

  it("reaches a React-like value tracker, which ignores a plain value assignment", async () => {
    const { fx, login } = await detected("react-like");
    // Control: what a naive filler does is invisible to this page's state…
    for (const el of [login.workspace, login.identifier, login.password]) {
      el.value = "naive";
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
    await submitLogin(login, opts);
    expect(fx.win.__submitted).toEqual({ workspace: "", identifier: "", password: "" });
    // …while fillLogin's native setter + input event reaches it.
    fillLogin(login, VALUES, { replace: true, ...opts });
    await submitLogin(login, opts);
    expect(fx.win.__submitted).toEqual(VALUES);
  });

  it("with replace:false keeps what the user typed and fills only empty fields", async () => {
    const { fx, login } = await detected("label-for");
    login.identifier.value = "typed-by-user";
    expect(fillLogin(login, VALUES, { replace: false, ...opts })).toEqual({ ok: true, filled: 2 });
    await submitLogin(login, opts);
    expect(fx.win.__submitted).toEqual({ ...VALUES, identifier: "typed-by-user" });
  });

  it("with replace:true overwrites what is there", async () => {
    const { login } = await detected("label-for");
    login.identifier.value = "someone-else";
    expect(fillLogin(login, VALUES, { replace: true, ...opts })).toEqual({ ok: true, filled: 3 });
    expect(login.identifier.value).toBe(VALUES.identifier);
  });

  it.each([
    ["hidden after detection", (l: LoginWindow) => (l.password.style.display = "none")],
    ["made transparent", (l: LoginWindow) => (l.workspace.style.opacity = "0.2")],
    ["disabled", (l: LoginWindow) => (l.identifier.disabled = true)],
    ["read-only", (l: LoginWindow) => (l.password.readOnly = true)],
    ["removed from the page", (l: LoginWindow) => l.workspace.remove()],
  ])("writes nothing when a field was %s", async (_, change) => {
    const { login } = await detected("label-for");
    change(login);
    expect(fillLogin(login, VALUES, { replace: true, ...opts })).toEqual({
      ok: false,
      reason: "not_fillable",
    });
    expect([login.workspace.value, login.identifier.value, login.password.value]).toEqual([
      "",
      "",
      "",
    ]);
  });

  // All or nothing: a page that reacts to the first value by hiding the rest of the window
  // must not be left holding half a login (test/fixtures/hostile/offscreen-on-fill.html).
  it.each([
    ["the workspace", "workspace", ["", "", ""]],
    ["the identifier", "identifier", ["", "", ""]],
  ] as const)(
    "takes back what it typed when the page hides the window once %s is set",
    async (_, trigger, want) => {
      const { login } = await detected("label-for");
      login[trigger].addEventListener("change", () => (login.password.style.display = "none"));
      const inputs: string[] = [];
      login.workspace.addEventListener("input", () => inputs.push(login.workspace.value));
      expect(fillLogin(login, VALUES, { replace: true, ...opts })).toEqual({
        ok: false,
        reason: "not_fillable",
      });
      expect([login.workspace.value, login.identifier.value, login.password.value]).toEqual(want);
      // The page's framework heard the workspace go back, not only saw it change.
      expect(inputs).toEqual([VALUES.workspace, ""]);
    },
  );

  it("checks each field once before writing, then again only after page code ran", async () => {
    const { login } = await detected("label-for");
    const checked: string[] = [];
    const isVisible = (el: Element): boolean => {
      checked.push(el.id);
      return styleOnlyVisible(el);
    };
    expect(fillLogin(login, VALUES, { replace: true, isVisible })).toEqual({ ok: true, filled: 3 });
    const [ws, id, pw] = [login.workspace.id, login.identifier.id, login.password.id];
    // The strict check of all three, then the identifier and the password after the page's
    // handlers for the field before ran; the workspace is written right after its check.
    expect(checked).toEqual([ws, id, pw, id, pw]);
  });

  it("puts back what the user had typed, not an empty field", async () => {
    const { login } = await detected("label-for");
    login.identifier.value = "typed.by.me";
    login.identifier.addEventListener("change", () => (login.password.style.display = "none"));
    fillLogin(login, VALUES, { replace: true, ...opts });
    expect([login.workspace.value, login.identifier.value, login.password.value]).toEqual([
      "",
      "typed.by.me",
      "",
    ]);
  });

  it("uses the real layout check by default (happy-dom has no layout: nothing is visible)", async () => {
    const { login } = await detected("label-for");
    expect(fillLogin(login, VALUES, { replace: true })).toEqual({
      ok: false,
      reason: "not_fillable",
    });
  });
});

describe("submitLogin", () => {
  it("waits for a submit button the page enables after the fill, then clicks it", async () => {
    const { fx, login } = await detected("disabled-submit");
    const button = login.submit as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fillLogin(login, VALUES, { replace: true, ...opts });
    // The page enables it a microtask later: a click now would do nothing.
    expect(button.disabled).toBe(true);
    expect(await submitLogin(login, opts)).toBe(true);
    expect(button.disabled).toBe(false);
    expect(fx.win.__submitted).toEqual(VALUES);
  });

  it("gives up when the button stays disabled", async () => {
    const { fx, login } = await detected("disabled-submit");
    fillLogin(login, { ...VALUES, password: "" }, { replace: true, ...opts });
    expect(await submitLogin(login, { ...opts, timeoutMs: 50 })).toBe(false);
    expect(fx.win.__submitted).toBeUndefined();
  });

  it("refuses when the page points the form elsewhere after detection", async () => {
    const { fx, login } = await detected("label-for");
    fillLogin(login, VALUES, { replace: true, ...opts });
    login.password.form?.setAttribute("action", "https://collect.example.net/");
    expect(await submitLogin(login, opts)).toBe(false);
    expect(fx.win.__submitted).toBeUndefined();
  });

  it.each([
    [
      "the form's action",
      (b: HTMLButtonElement) => b.form?.setAttribute("action", "https://collect.example.net/"),
    ],
    [
      "the button's formaction",
      (b: HTMLButtonElement) => b.setAttribute("formaction", "https://collect.example.net/"),
    ],
  ])("refuses when the page changes %s in the tick it enables the button", async (_, retarget) => {
    const { fx, login } = await detected("disabled-submit");
    const button = login.submit as HTMLButtonElement;
    // The page's own enabling code runs a microtask after the input event; this observer runs
    // in that same tick, as a hostile page's would.
    const view = fx.doc.defaultView as Window & typeof globalThis;
    new view.MutationObserver(() => {
      if (!button.disabled) retarget(button);
    }).observe(button, { attributes: true });
    fillLogin(login, VALUES, { replace: true, ...opts });
    expect(button.disabled).toBe(true);
    expect(await submitLogin(login, opts)).toBe(false);
    expect(button.disabled).toBe(false);
    expect(fx.win.__submitted).toBeUndefined();
  });

  it("requests the form's submission when there is no submit control", async () => {
    const { fx, login } = await detected("label-for");
    fillLogin(login, VALUES, { replace: true, ...opts });
    expect(await submitLogin({ ...login, submit: null }, opts)).toBe(true);
    expect(fx.win.__submitted).toEqual(VALUES);
  });

  it("does nothing without a submit control or a form", async () => {
    const { fx, login } = await detected("no-form");
    expect(await submitLogin({ ...login, submit: null }, opts)).toBe(false);
    expect(fx.win.__submitted).toBeUndefined();
  });

  it("refuses an invisible submit control", async () => {
    const { fx, login } = await detected("label-for");
    (login.submit as HTMLElement).style.visibility = "hidden";
    expect(await submitLogin(login, opts)).toBe(false);
    expect(fx.win.__submitted).toBeUndefined();
  });
});
