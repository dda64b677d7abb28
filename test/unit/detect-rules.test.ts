// Detection rules on small inline pages: trust order between signals, refusals, the submit
// control, shadow roots. Fixture-wide behaviour is in detect.test.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { detectLogin, type DetectOptions } from "../../src/content/detect";
import { styleOnlyVisible } from "../fixtures/login/harness";

const opts: DetectOptions = { isVisible: styleOnlyVisible };

function page(html: string): void {
  document.head.replaceChildren();
  document.body.innerHTML = html;
}

/** The `name` of each chosen element, or the refusal. */
function detect(extra: DetectOptions = {}): Record<string, string | null> {
  const d = detectLogin(document, { ...opts, ...extra });
  if (!d.ok) return { reason: d.reason };
  const n = (el: Element | null): string | null => el?.getAttribute("name") ?? null;
  return {
    workspace: n(d.login.workspace),
    identifier: n(d.login.identifier),
    password: n(d.login.password),
    submit: n(d.login.submit),
  };
}

const PW = `<input type="password" name="pw" />`;

beforeEach(() => page(""));

describe("trust order", () => {
  it("autocomplete beats the label", () => {
    page(`<form>
      <label>Espace <input name="a" autocomplete="username" /></label>
      <label>Identifiant <input name="b" autocomplete="organization" /></label>${PW}</form>`);
    expect(detect()).toMatchObject({ workspace: "b", identifier: "a" });
  });

  it("the label beats the placeholder", () => {
    page(`<form>
      <label for="a">Identifiant</label><input id="a" name="a" placeholder="Espace de travail" />
      <label for="b">Espace de travail</label><input id="b" name="b" placeholder="Identifiant" />
      ${PW}</form>`);
    expect(detect()).toMatchObject({ workspace: "b", identifier: "a" });
  });

  it("aria-label beats the placeholder", () => {
    page(`<form>
      <input name="a" aria-label="Identifiant" placeholder="Espace" />
      <input name="b" aria-label="Espace" placeholder="Identifiant" />${PW}</form>`);
    expect(detect()).toMatchObject({ workspace: "b", identifier: "a" });
  });

  it("the placeholder beats name/id", () => {
    page(`<form>
      <input name="workspace" placeholder="Identifiant" />
      <input name="login" placeholder="Espace de travail" />${PW}</form>`);
    expect(detect()).toMatchObject({ workspace: "login", identifier: "workspace" });
  });

  it("name/id beats nearby text", () => {
    page(`<form>
      <div>Espace</div><input name="userName" />
      <div>Utilisateur</div><input name="company" />${PW}</form>`);
    expect(detect()).toMatchObject({ workspace: "company", identifier: "userName" });
  });

  it("a signal naming both kinds is skipped for the next one", () => {
    page(`<form>
      <input name="a" aria-label="Identifiant de l'espace" placeholder="Espace de travail" />
      <input name="b" aria-label="Identifiant" />${PW}</form>`);
    expect(detect()).toMatchObject({ workspace: "a", identifier: "b" });
  });

  it("DOM order takes the two unreadable fields closest before the password", () => {
    page(`<form>
      <input name="x1" /><input name="x2" /><input name="x3" />${PW}</form>`);
    expect(detect()).toMatchObject({ workspace: "x2", identifier: "x3" });
  });

  it("DOM order fills the one slot the words left open", () => {
    page(`<form><input name="x1" /><input name="x2" placeholder="Identifiant" />${PW}</form>`);
    expect(detect()).toMatchObject({ workspace: "x1", identifier: "x2" });
  });

  it("a search field next to the login fields is never one of them", () => {
    page(`<div><input name="s" placeholder="Rechercher un utilisateur" /><input name="x1" />
      <input name="x2" />${PW}
      <button type="button">Connexion</button></div>`);
    expect(detect()).toMatchObject({ workspace: "x1", identifier: "x2" });
  });

  it("nearby text stops at the login window's edge (no page title or heading outside it)", () => {
    page(`<h1>Login utilisateur</h1><form><input name="x1" /><input name="x2" />${PW}</form>`);
    expect(detect()).toMatchObject({ workspace: "x1", identifier: "x2" });
  });
});

describe("refusals", () => {
  it("no password field → no_password", () => {
    page(`<form><input name="a" placeholder="Espace" /><input name="b" /></form>`);
    expect(detect()).toEqual({ reason: "no_password" });
  });

  it("two visible password fields anywhere on the page → several_passwords", () => {
    page(`<form><input placeholder="Espace" /><input placeholder="Identifiant" />${PW}</form>
      <form><input type="password" name="other" /></form>`);
    expect(detect()).toEqual({ reason: "several_passwords" });
  });

  it("a hidden old login window does not count against the visible one", () => {
    page(`<form style="display:none"><input /><input />${PW}</form>
      <form><input name="a" placeholder="Espace" /><input name="b" placeholder="Identifiant" />
      <input type="password" name="shown" /></form>`);
    expect(detect()).toMatchObject({ workspace: "a", identifier: "b", password: "shown" });
  });

  it("a lone new-password field is still a login window (the anti-autofill trick)", () => {
    page(`<form><input name="a" placeholder="Espace" /><input name="b" placeholder="Identifiant" />
      <input type="password" name="pw" autocomplete="new-password" /></form>`);
    expect(detect()).toMatchObject({ workspace: "a", identifier: "b", password: "pw" });
  });

  it("the recovery form shown while the login window is hidden → recovery", () => {
    page(`<form hidden><input /><input />${PW}</form>
      <form><p>J'ai oublié mes identifiants</p><input placeholder="Espace" />
      <input type="email" name="mail" /><button>Valider</button></form>`);
    expect(detect()).toEqual({ reason: "recovery" });
  });

  it("only a hidden password → hidden", () => {
    page(`<form><input /><input /><input type="password" style="visibility:hidden" /></form>`);
    expect(detect()).toEqual({ reason: "hidden" });
  });

  it.each([
    ["an absolute action elsewhere", `action="https://collect.example.net/x"`, ""],
    ["a javascript: action", `action="javascript:void(0)"`, ""],
    ["a button formaction elsewhere", "", `formaction="https://collect.example.net/x"`],
    [
      "a relative action under a planted <base>",
      `action="/login"`,
      "",
      "https://collect.example.net/",
    ],
  ])("%s → foreign_action", (_, formAttr, buttonAttr, base = "") => {
    page(`<form ${formAttr}><input placeholder="Espace" /><input placeholder="Identifiant" />${PW}
      <button ${buttonAttr}>Connexion</button></form>`);
    if (base) document.head.innerHTML = `<base href="${base}" />`;
    expect(detect()).toEqual({ reason: "foreign_action" });
  });

  it.each([
    ["a relative action", `action="/login"`],
    ["an absolute action to the page's own origin", `action="${location.origin}/login"`],
    ["no action at all", ""],
  ])("%s is fine", (_, formAttr) => {
    page(`<form ${formAttr}><input name="a" placeholder="Espace" />
      <input name="b" placeholder="Identifiant" />${PW}</form>`);
    expect(detect()).toMatchObject({ workspace: "a", identifier: "b" });
  });
});

describe("submit control", () => {
  const FIELDS = `<input placeholder="Espace" /><input placeholder="Identifiant" />${PW}`;

  it("skips a show-password toggle and a recovery button left as type=submit", () => {
    page(`<form>${FIELDS}<button name="eye" aria-label="Afficher le mot de passe">👁</button>
      <button name="lost">J'ai oublié mes identifiants</button><button name="go">→</button></form>`);
    expect(detect().submit).toBe("go");
  });

  it("prefers a control labelled like a login action over an earlier plain submit button", () => {
    page(`<form>${FIELDS}<button name="first">Envoyer</button>
      <a href="#" role="button" name="login">Se connecter</a></form>`);
    expect(detect().submit).toBe("login");
  });

  it("finds a submit button tied to the form from outside (form=…)", () => {
    page(
      `<form id="f">${FIELDS}</form><footer><button form="f" name="out">Valider</button></footer>`,
    );
    expect(detect().submit).toBe("out");
  });

  it("keeps a disabled submit button (the page enables it once the fields are set)", () => {
    page(`<form>${FIELDS}<button name="go" disabled>Connexion</button></form>`);
    expect(detect().submit).toBe("go");
  });

  it("ignores an invisible login button", () => {
    page(`<div>${FIELDS}<button type="button" name="go" style="display:none">OK</button></div>`);
    expect(detect().submit).toBeNull();
  });

  it("is null when there is none (submitLogin then requests the form's submission)", () => {
    page(`<form>${FIELDS}</form>`);
    expect(detect()).toMatchObject({ password: "pw", submit: null });
  });
});

describe("shadow roots", () => {
  function shadowPage(): ShadowRoot {
    page(`<x-login></x-login>`);
    const host = document.querySelector("x-login");
    if (!host) throw new Error("no host");
    const root = host.attachShadow({ mode: "open" });
    root.innerHTML = `<form><input name="a" placeholder="Espace" />
      <input name="b" placeholder="Identifiant" />${PW}<button name="go">Connexion</button></form>`;
    return root;
  }

  it("finds a login window in an open shadow root by walking the tree", () => {
    shadowPage();
    expect(detect()).toEqual({ workspace: "a", identifier: "b", password: "pw", submit: "go" });
  });

  it("searches exactly the shadow roots it is given (watchDom's list)", () => {
    const root = shadowPage();
    expect(detect({ shadowRoots: [] })).toEqual({ reason: "no_password" });
    expect(detect({ shadowRoots: [root] })).toMatchObject({ password: "pw" });
  });

  it("detects from inside a shadow root when that root is the one given", () => {
    const root = shadowPage();
    expect(detectLogin(root, { ...opts, shadowRoots: [] }).ok).toBe(true);
  });
});
