// Logged-in detection: a visible logout control and no login window.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { detectLogin, type DetectOptions } from "../../src/content/detect";
import { findLogoutControl } from "../../src/content/logged-in";
import { fillLogin, submitLogin } from "../../src/content/fill";
import { loadFixture, styleOnlyVisible, VALUES, type Fixture } from "../fixtures/login/harness";

const opts = { isVisible: styleOnlyVisible };

/**
 * What the content script concludes of a page (src/content/index.ts): a login window shown →
 * "login"; else a visible logout control → "logged-in"; else "unknown", with detection's reason.
 */
function pageState(root: Document, o: DetectOptions) {
  const found = detectLogin(root, o);
  if (found.ok) return { state: "login", login: found.login } as const;
  const logout = findLogoutControl(root, o);
  return logout
    ? ({ state: "logged-in", logout } as const)
    : ({ state: "unknown", reason: found.reason } as const);
}

describe("findLogoutControl", () => {
  beforeEach(() => document.body.replaceChildren());

  it.each([
    ["a link", `<a href="/logout" id="x">Déconnexion</a>`],
    ["a button", `<button id="x">Se déconnecter</button>`],
    ["an icon button named by aria-label", `<button id="x" aria-label="Log out">⏻</button>`],
    ["a menu item", `<div role="menuitem" id="x">  DÉCONNEXION </div>`],
    ["an input button", `<input type="button" id="x" value="Logout" />`],
  ])("finds %s", (_, html) => {
    document.body.innerHTML = `<nav><a href="/">Accueil</a><a href="/aide">Aide</a>${html}</nav>`;
    expect(findLogoutControl(document, opts)?.id).toBe("x");
  });

  it.each([
    [
      "a hidden one (closed menu)",
      `<ul style="display:none"><li><a href="/o">Déconnexion</a></li></ul>`,
    ],
    ["text that is no control", `<p>Déconnexion automatique après 20 minutes sans action.</p>`],
    ["a login link", `<a href="/login">Connexion</a>`],
  ])("ignores %s", (_, html) => {
    document.body.innerHTML = html;
    expect(findLogoutControl(document, opts)).toBeNull();
  });

  it("looks inside open shadow roots", () => {
    const host = document.createElement("app-header");
    document.body.append(host);
    host.attachShadow({ mode: "open" }).innerHTML = `<a href="#" id="x">Déconnexion</a>`;
    expect(findLogoutControl(document, opts)?.id).toBe("x");
  });
});

describe("pageState through the IamOffice cycle (logout-reinsert.html)", () => {
  let fx: Fixture | undefined;
  afterEach(async () => fx?.close());

  it("login → logged-in → login again, with fresh fields", async () => {
    fx = await loadFixture("logout-reinsert", { settle: true });
    const first = pageState(fx.doc, opts);
    if (first.state !== "login") throw new Error(`expected login, got ${first.state}`);
    fillLogin(first.login, VALUES, { replace: true, ...opts });
    expect(await submitLogin(first.login, opts)).toBe(true);
    expect(fx.win.__submitted).toEqual(VALUES);

    const app = pageState(fx.doc, opts);
    expect(app.state).toBe("logged-in");
    if (app.state !== "logged-in") return;
    expect(app.logout.textContent).toBe("Déconnexion");

    app.logout.click();
    expect(pageState(fx.doc, opts)).toEqual({ state: "unknown", reason: "no_password" });
    await fx.win.happyDOM.waitUntilComplete();
    const again = pageState(fx.doc, opts);
    expect(again.state).toBe("login");
    if (again.state !== "login") return;
    expect(again.login.password.isConnected).toBe(true);
    expect(again.login.password).not.toBe(first.login.password);
  });

  it("a page showing both a login window and a logout link is a login page", async () => {
    fx = await loadFixture("label-for", { settle: true });
    const a = fx.doc.createElement("a");
    a.href = "#";
    a.textContent = "Déconnexion";
    fx.doc.body.prepend(a);
    expect(pageState(fx.doc, opts).state).toBe("login");
  });
});
