// A read-only (or disabled) workspace the page filled itself: detection takes it where it reads
// as the workspace, the fill never writes it and fills beside it only the entry it names
// (case-insensitively), and the background never lets it choose another saved account.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "@webext-core/fake-browser";
import { detectLogin, type LoginWindow } from "../../src/content/detect";
import { fillLogin } from "../../src/content/fill";
import { judgeLockedWorkspace, lockedWorkspaceOf } from "../../src/background/locked-workspace";
import { route } from "../../src/background/router";
import * as vault from "../../src/background/vault";
import type { Entry } from "../../src/protocol";
import { styleOnlyVisible } from "../fixtures/login/harness";
import { contentSender, recorded, stubBackgroundApis } from "./background-stubs";

const opts = { isVisible: styleOnlyVisible };

function page(workspace: string, how: "readonly" | "disabled" | "" = "readonly"): void {
  document.body.innerHTML = `<form>
    <label for="ws">Espace de travail</label><input id="ws" value="${workspace}" ${how} />
    <label for="id">Identifiant</label><input id="id" />
    <label for="pw">Mot de passe</label><input id="pw" type="password" />
    <button>Connexion</button></form>`;
}

function detected(): LoginWindow {
  const d = detectLogin(document, opts);
  if (!d.ok) throw new Error(d.reason);
  return d.login;
}

const byId = (id: string) => document.getElementById(id) as HTMLInputElement;
const ACME = { workspace: "demo", identifier: "marie", password: "pw-acme" };

describe("detection", () => {
  it.each(["readonly", "disabled"] as const)("takes a %s pre-filled workspace", (how) => {
    page("DEMO", how);
    const login = detected();
    expect([login.workspace.id, login.identifier.id, login.password.id]).toEqual([
      "ws",
      "id",
      "pw",
    ]);
  });

  it("refuses an empty read-only workspace (nothing says which workspace it is)", () => {
    page("");
    expect(detectLogin(document, opts)).toEqual({ ok: false, reason: "missing_fields" });
  });

  it("never takes a read-only field that does not read as the workspace", () => {
    document.body.innerHTML = `<form>
      <label for="ws">Espace de travail</label><input id="ws" />
      <label for="id">Identifiant</label><input id="id" value="marie" readonly />
      <label for="pw">Mot de passe</label><input id="pw" type="password" /></form>`;
    expect(detectLogin(document, opts)).toEqual({ ok: false, reason: "missing_fields" });
  });
});

describe("fillLogin beside a read-only workspace", () => {
  it("fills identifier and password when it names the entry, whatever its case", () => {
    page("DEMO");
    expect(fillLogin(detected(), ACME, { replace: false, ...opts })).toEqual({
      ok: true,
      filled: 2,
    });
    expect([byId("ws").value, byId("id").value, byId("pw").value]).toEqual([
      "DEMO",
      "marie",
      "pw-acme",
    ]);
  });

  it("fills nothing when it names another workspace", () => {
    page("beta", "disabled");
    expect(fillLogin(detected(), ACME, { replace: true, ...opts })).toEqual({
      ok: false,
      reason: "other_workspace",
    });
    expect([byId("id").value, byId("pw").value]).toEqual(["", ""]);
  });

  it("takes everything back when the page switches the workspace mid-fill", () => {
    page("demo");
    const login = detected();
    byId("id").addEventListener("input", () => (byId("ws").value = "beta"));
    expect(fillLogin(login, ACME, { replace: false, ...opts })).toEqual({
      ok: false,
      reason: "not_fillable",
    });
    expect([byId("id").value, byId("pw").value]).toEqual(["", ""]);
  });
});

const entry = (id: string, workspace: string): Entry => ({
  id,
  name: id,
  workspace,
  identifier: "x",
  password: "p",
  createdAt: 0,
  updatedAt: 0,
  lastUsedAt: null,
});

describe("the background's rule", () => {
  const acme = entry("a", "demo");
  const beta = entry("b", "Beta");
  it("confirms the picked entry, case-insensitively", () => {
    expect(judgeLockedWorkspace([acme, beta], acme, " DEMO ")).toEqual({ fill: true });
  });
  it("never switches: another saved entry becomes a choice for the user", () => {
    expect(judgeLockedWorkspace([acme, beta], acme, "beta")).toEqual({
      fill: false,
      choices: ["b"],
    });
    expect(judgeLockedWorkspace([acme, beta], undefined, "beta")).toEqual({
      fill: false,
      choices: ["b"],
    });
    expect(judgeLockedWorkspace([acme, beta], acme, "gamma")).toEqual({ fill: false, choices: [] });
  });
  it.each([
    [{ lockedWorkspace: "beta" }, "beta"],
    [{ lockedWorkspace: "" }, undefined],
    [{ lockedWorkspace: 3 }, undefined],
    [{ lockedWorkspace: "x".repeat(201) }, undefined],
    [undefined, undefined],
    [null, undefined],
  ])("reads the payload %j", (payload, want) => {
    expect(lockedWorkspaceOf(payload)).toBe(want);
  });
});

describe("content.requestFill with a read-only workspace", () => {
  vi.setConfig({ testTimeout: 30_000 });
  beforeEach(() => stubBackgroundApis());
  const sender = contentSender();

  it("fills the only entry when the page names it, and asks the user when it names another", async () => {
    const master = "correct horse battery staple";
    await vault.create(master, master);
    const add = async (workspace: string): Promise<string> => {
      const list = await vault.list();
      if (!list.ok) throw new Error(list.error);
      const input = { name: workspace, workspace, identifier: "x", password: "p" };
      const r = await vault.save({ input, revision: list.value.revision });
      if (!r.ok) throw new Error(r.error);
      return r.value.id;
    };
    await vault.markUsed(await add("demo")); // the usual account
    await add("beta");

    const fill = (lockedWorkspace: string) =>
      route({ type: "content.requestFill", payload: { lockedWorkspace } }, sender);
    expect(await fill("DEMO")).toMatchObject({ fill: { workspace: "demo" } });
    expect(await fill("beta")).toEqual({ fill: null, reason: "ask" });
    expect(recorded.badge).toBe("?");
    const { tabs } = (await fakeBrowser.storage.session.get("tabs")) as {
      tabs: Record<string, { notice?: { kind: string; entryIds: string[] } }>;
    };
    expect(tabs["7"]?.notice?.kind).toBe("workspace");
    expect(tabs["7"]?.notice?.entryIds).toHaveLength(1);
    expect(await fill("gamma")).toEqual({ fill: null, reason: "no_entry" });
  });
});
