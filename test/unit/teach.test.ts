// "Teach the login fields", the pure parts: locators (no value in them, found again after a
// re-render with new ids), what a click may pick, the taught window keeping every refusal, and
// the shape check of a stored map.
import { describe, expect, it } from "vitest";
import { asFieldMap, pageKey, type FieldMap } from "../../src/field-map";
import { locatorOf, resolve } from "../../src/content/teach/locator";
import { pickable } from "../../src/content/teach/pick-mode";
import { detectTaught } from "../../src/content/detect/taught";
import { styleOnlyVisible } from "../fixtures/login/harness";

const opts = { isVisible: styleOnlyVisible };

/** The misread page (test/fixtures/teach/misread.html), with ids that change on each render. */
function render(seed: string, extra = ""): void {
  document.body.innerHTML = `<form>
    <label for="s${seed}">Société (facultatif)</label><input id="s${seed}" />
    <label for="c${seed}">Code dossier</label><input id="c${seed}" value="ACME" />
    <label for="u${seed}">Utilisateur</label><input id="u${seed}" name="user" />
    <label for="p${seed}">Mot de passe</label><input id="p${seed}" type="password" />
    <button>Accéder</button>${extra}</form>`;
}
const $ = (id: string) => document.getElementById(id) as HTMLInputElement;

function taughtMap(): FieldMap {
  render("1");
  const button = document.querySelector("button") as Element;
  return {
    workspace: locatorOf($("c1"), document),
    identifier: locatorOf($("u1"), document),
    password: locatorOf($("p1"), document),
    submit: locatorOf(button, document),
  };
}

describe("locators", () => {
  it("describe a field by tag, type, id, name, label and rank, never by its value", () => {
    render("1");
    $("u1").value = "typed-secret";
    const loc = locatorOf($("c1"), document);
    expect(loc).toEqual({
      tag: "input",
      type: "text",
      id: "c1",
      name: "",
      label: "code dossier",
      index: 1,
    });
    expect(JSON.stringify(locatorOf($("u1"), document))).not.toContain("typed-secret");
    expect(JSON.stringify(loc)).not.toContain("ACME");
  });

  it("find the fields again after a re-render with new ids (label and rank agree)", () => {
    const map = taughtMap();
    render("2");
    expect(resolve(map.workspace, document)).toBe($("c2"));
    expect(resolve(map.identifier, document)).toBe($("u2"));
    expect(resolve(map.password, document)).toBe($("p2"));
  });

  it("find nothing rather than a guess when nothing but the rank agrees", () => {
    const map = taughtMap();
    document.body.innerHTML = `<input id="x" /><input id="y" /><input type="password" />`;
    expect(resolve(map.workspace, document)).toBeNull();
  });
});

describe("what a click may pick", () => {
  it("a text field for the workspace and identifier, a password field for the password", () => {
    render("1");
    expect(pickable("workspace", [$("c1")])).toBe($("c1"));
    expect(pickable("workspace", [$("p1")])).toBeNull();
    expect(pickable("password", [$("p1")])).toBe($("p1"));
    expect(pickable("identifier", [document.body])).toBeNull();
  });

  it("the control around the click for the login button", () => {
    render("1");
    const button = document.querySelector("button") as HTMLButtonElement;
    button.innerHTML = "<span>Accéder</span>";
    expect(pickable("submit", [button.firstElementChild as Element, button])).toBe(button);
    expect(pickable("submit", [$("c1")])).toBeNull();
  });
});

describe("the taught window", () => {
  it("is the taught fields, not the heuristics' reading", () => {
    const map = taughtMap();
    render("2");
    const d = detectTaught(document, map, opts);
    expect(d?.ok && [d.login.workspace.id, d.login.identifier.id, d.login.password.id]).toEqual([
      "c2",
      "u2",
      "p2",
    ]);
  });

  it.each([
    ["a hidden password field", `<style>#p2 { display: none }</style>`, "hidden"],
    ["a second visible password field", `<input type="password" />`, "several_passwords"],
  ])("keeps the refusals: %s", (_, extra, reason) => {
    const map = taughtMap();
    render("2", extra);
    expect(detectTaught(document, map, opts)).toEqual({ ok: false, reason });
  });

  it("refuses a taught form posting elsewhere", () => {
    const map = taughtMap();
    render("2");
    document.querySelector("form")?.setAttribute("action", "https://evil.test/steal");
    expect(detectTaught(document, map, opts)).toEqual({ ok: false, reason: "foreign_action" });
  });

  it("leaves the page to the heuristics when the map does not fit it", () => {
    const map = taughtMap();
    document.body.innerHTML = `<p>Tableau de bord</p>`;
    expect(detectTaught(document, map, opts)).toBeNull();
  });
});

describe("stored maps", () => {
  it("keeps exactly four well-formed locators", () => {
    const map = taughtMap();
    expect(asFieldMap({ ...map, extra: "x" })).toEqual(map);
    expect(asFieldMap({ ...map, password: { ...map.password, tag: "img onerror" } })).toBeNull();
    expect(asFieldMap({ ...map, submit: undefined })).toBeNull();
    expect(
      asFieldMap({ ...map, workspace: { ...map.workspace, label: "x".repeat(101) } }),
    ).toBeNull();
    expect(asFieldMap([map])).toBeNull();
  });

  it("belong to a page path, never its query or fragment", () => {
    expect(pageKey("https://soft.iamoffice.net/app/login?x=1#ACME&login=a&password=b")).toBe(
      "/app/login",
    );
    expect(pageKey("not a url")).toBeNull();
  });
});
