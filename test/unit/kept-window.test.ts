// The login window already found is kept without a new detection only while it is all still
// there and alone (src/content/kept-window.ts); its layout is looked at again at most every 2 s.
import { afterEach, describe, expect, it, vi } from "vitest";
import { detectLogin, type LoginWindow } from "../../src/content/detect";
import { laidOut, stillShown } from "../../src/content/kept-window";
import { loadFixture, styleOnlyVisible, type Fixture } from "../fixtures/login/harness";

let open: Fixture | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await open?.close();
  open = undefined;
});

async function found(): Promise<{ doc: Document; login: LoginWindow }> {
  open = await loadFixture("label-for", { settle: true });
  const d = detectLogin(open.doc, { isVisible: styleOnlyVisible });
  if (!d.ok) throw new Error(d.reason);
  laidOut();
  return { doc: open.doc, login: d.login };
}

const passwords = (doc: Document): Element[] => [...doc.querySelectorAll("input[type=password]")];

describe("stillShown", () => {
  it("keeps the window while it is all there and its password the only one", async () => {
    const { doc, login } = await found();
    expect(stillShown(login, passwords(doc))).toBe(true);
  });

  it("gives up on a second password field, or a field replaced", async () => {
    const { doc, login } = await found();
    const other = doc.createElement("input");
    other.type = "password";
    doc.body.append(other);
    expect(stillShown(login, passwords(doc))).toBe(false);
    other.remove();
    login.identifier.replaceWith(login.identifier.cloneNode());
    expect(stillShown(login, passwords(doc))).toBe(false);
  });

  it("looks at the layout again once 2 s have passed (happy-dom has none: not shown)", async () => {
    const { doc, login } = await found();
    const now = performance.now();
    vi.spyOn(performance, "now").mockImplementation(() => now + 1999);
    expect(stillShown(login, passwords(doc))).toBe(true);
    vi.spyOn(performance, "now").mockImplementation(() => now + 2001);
    expect(stillShown(login, passwords(doc))).toBe(false);
  });
});
