// Detection on every login fixture (test/fixtures/login): the exact three fields and submit
// control each fixture marks with data-expect, or the refusal reason it declares.
import { afterEach, describe, expect, it } from "vitest";
import { detectLogin, type Detection } from "../../src/content/detect";
import {
  declared,
  FIXTURES,
  layOut,
  loadFixture,
  LOGIN_FIXTURES,
  styleOnlyVisible,
  type Fixture,
} from "../fixtures/login/harness";

let open: Fixture | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function load(name: string): Promise<Fixture> {
  open = await loadFixture(name, { settle: true });
  return open;
}

/** What the test compares: which marked element each role got (or the refusal). */
function describeDetection(fx: Fixture, d: Detection): Record<string, string> {
  if (!d.ok) return { reason: d.reason };
  const role = (el: Element | null): string =>
    el === null ? "none" : (el.getAttribute("data-expect") ?? `unmarked <${el.localName}>`);
  const { workspace, identifier, password, submit } = d.login;
  return {
    workspace: role(workspace),
    identifier: role(identifier),
    password: role(password),
    submit: fx.expected("submit") ? role(submit) : "any",
  };
}

it("has at least 14 login variants and the negatives the issue lists", () => {
  expect(FIXTURES.length).toBeGreaterThanOrEqual(30);
});

describe.each(FIXTURES)("%s.html", (name) => {
  it("detects what the fixture declares", async () => {
    const fx = await load(name);
    const expected = fx.meta("expect");
    expect(expected, "fixture lacks <meta name=expect>").toBeDefined();
    const got = describeDetection(fx, detectLogin(fx.doc, { isVisible: styleOnlyVisible }));
    if (expected === "login") {
      expect(got).toEqual({
        workspace: "workspace",
        identifier: "identifier",
        password: "password",
        submit: fx.expected("submit") ? "submit" : "any",
      });
    } else {
      expect(got).toEqual({ reason: expected });
    }
  });
});

describe("refusals for hidden fields are about visibility only", () => {
  const hidden = FIXTURES.filter((n) => n.startsWith("hidden-"));
  it.each(hidden)(
    "%s.html is a complete login window when everything counts as visible",
    async (name) => {
      const fx = await load(name);
      expect(detectLogin(fx.doc, { isVisible: () => true }).ok).toBe(true);
    },
  );

  it("covers every kind of hiding the issue lists", () => {
    expect(hidden).toEqual(
      expect.arrayContaining([
        "hidden-body-opacity",
        "hidden-clip-path",
        "hidden-display",
        "hidden-offscreen",
        "hidden-opacity",
        "hidden-opacity-chain",
        "hidden-tiny",
        "hidden-visibility",
        "hidden-filter-opacity-second",
        "hidden-filter-url",
        "hidden-filter-brightness",
        "hidden-mask",
        "hidden-blend-mode",
        "hidden-transparent-text",
      ]),
    );
  });
});

describe("with the real visibility check on (stubbed) layout", () => {
  it.each(LOGIN_FIXTURES)("%s.html is still detected", async (name) => {
    const fx = await load(name);
    layOut(fx);
    const d = detectLogin(fx.doc);
    expect(d.ok && d.login.password).toBe(fx.expected("password"));
  });

  it("overlay.html: a transparent overlay over the fields refuses the window", async () => {
    const fx = await load("overlay");
    const overlay = fx.doc.querySelector("[data-overlay]");
    expect(overlay).not.toBeNull();
    layOut(fx, overlay ?? undefined);
    expect(detectLogin(fx.doc)).toEqual({
      ok: false,
      reason: declared("overlay", "expect-layout"),
    });
  });
});

describe("timing", () => {
  it("late-insert.html: nothing before the app renders, the login window after", async () => {
    const fx = (open = await loadFixture("late-insert"));
    expect(detectLogin(fx.doc, { isVisible: styleOnlyVisible })).toEqual({
      ok: false,
      reason: fx.meta("expect-at-load"),
    });
    await fx.win.happyDOM.waitUntilComplete();
    expect(detectLogin(fx.doc, { isVisible: styleOnlyVisible }).ok).toBe(true);
  });
});
