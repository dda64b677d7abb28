// Tree helpers that see through open shadow roots.
import { describe, expect, it } from "vitest";
import { byComposedOrder, containsDeep, openShadowRoots, up } from "../../src/content/dom";

function build(): Record<string, Element | ShadowRoot> {
  // <main> a <x-1>[shadow: b <x-2>[shadow: c] d]</x-1> e </main>
  document.body.innerHTML = `<main><i id="a"></i><x-1></x-1><i id="e"></i></main>`;
  const x1 = document.querySelector("x-1") as Element;
  const s1 = x1.attachShadow({ mode: "open" });
  const b = document.createElement("i");
  const x2 = document.createElement("x-2");
  const d = document.createElement("i");
  s1.append(b, x2, d);
  const s2 = x2.attachShadow({ mode: "open" });
  const c = document.createElement("i");
  s2.append(c);
  const closed = document.createElement("x-closed");
  closed.attachShadow({ mode: "closed" }).append(document.createElement("input"));
  document.body.append(closed);
  return {
    a: document.getElementById("a") as Element,
    e: document.getElementById("e") as Element,
    x1,
    s1,
    b,
    x2,
    s2,
    c,
    d,
  };
}

describe("composed tree", () => {
  it("sorts across shadow roots in rendering order", () => {
    const n = build();
    const shuffled = [n.e, n.c, n.a, n.d, n.b] as Element[];
    expect(shuffled.sort(byComposedOrder)).toEqual([n.a, n.b, n.c, n.d, n.e]);
  });

  it("walks up from a shadow root to its host", () => {
    const n = build();
    expect(up(n.c as Element)).toBe(n.x2);
    expect(up(n.x2 as Element)).toBe(n.x1);
    expect(containsDeep(document.querySelector("main") as Element, n.c as Element)).toBe(true);
    expect(containsDeep(n.a as Element, n.c as Element)).toBe(false);
  });

  it("lists open shadow roots, nested ones included, closed ones never", () => {
    const n = build();
    expect(openShadowRoots(document)).toEqual([n.s1, n.s2]);
  });
});
