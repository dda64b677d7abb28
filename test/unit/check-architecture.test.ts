// @vitest-environment node
// scripts/check-architecture.mjs (run by `npm run lint`) catches what each rule forbids, on
// small trees written for the purpose; and the project itself keeps every rule.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkArchitecture, MAX_LINES, storageOwners } from "../../scripts/check-architecture.mjs";
import { findCycles, readGraph } from "../../scripts/lib/import-graph.mjs";
import { importSpecifiers } from "../../scripts/lib/imports.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const trees: string[] = [];

/** A throwaway project: its files by path, plus an empty storage registry unless given. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "arch-"));
  trees.push(dir);
  const all = { "src/storage/items.ts": "export {};\n", ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

afterEach(() => {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("import graph", () => {
  it("reads every form of import, and none in a comment", () => {
    const text = [
      'import a from "./a";',
      'import type { B } from "./b";',
      'import { c, type D as E } from "./c";',
      'import * as f from "./f";',
      'import "./g.css";',
      'export { h } from "./h";',
      'export * from "./i";',
      'const j = () => import("./j");',
      'type K = typeof import("./k");',
      '// import x from "./commented";',
      '/* import y from "./block"; */',
      'export const s = "./not-an-import";',
    ].join("\n");
    expect(importSpecifiers(text).map((i) => i.spec)).toEqual([
      "./a",
      "./b",
      "./c",
      "./f",
      "./g.css",
      "./h",
      "./i",
      "./j",
      "./k",
    ]);
    const c = importSpecifiers(text).find((i) => i.spec === "./c");
    expect(c?.names).toEqual(["c", "D"]);
    expect(importSpecifiers(text).find((i) => i.spec === "./h")?.reexport).toBe(true);
  });

  it("finds a circle through three files, and through a type-only import", () => {
    const dir = tree({
      "src/a.ts": 'import { b } from "./b";\nexport const a = b;\n',
      "src/b.ts": 'import { c } from "./sub/c";\nexport const b = c;\n',
      "src/sub/c.ts": 'import type { A } from "../a";\nexport const c = 1 as A;\n',
      "src/d.ts": 'import { a } from "./a";\nexport const d = a;\n',
    });
    expect(findCycles(readGraph(dir, ["src"]))).toEqual([
      ["src/a.ts", "src/b.ts", "src/sub/c.ts", "src/a.ts"],
    ]);
    expect(checkArchitecture(dir)).toContain(
      "import circle: src/a.ts -> src/b.ts -> src/sub/c.ts -> src/a.ts",
    );
  });

  it("finds a module that imports itself, and no circle in a tree without one", () => {
    const loop = tree({ "src/a.ts": 'import "./a";\n' });
    expect(findCycles(readGraph(loop, ["src"]))).toEqual([["src/a.ts", "src/a.ts"]]);
    const fine = tree({
      "src/a.ts": 'import "./b";\nimport "./c";\n',
      "src/b.ts": 'import "./c";\n',
      "src/c.ts": "export {};\n",
    });
    expect(findCycles(readGraph(fine, ["src"]))).toEqual([]);
  });
});

describe("rules", () => {
  it("refuses a file over the line limit", () => {
    const dir = tree({ "popup/long.ts": "export {};\n".repeat(MAX_LINES + 1) });
    expect(checkArchitecture(dir)).toEqual([
      `popup/long.ts has ${MAX_LINES + 1} lines (at most ${MAX_LINES})`,
    ]);
    expect(checkArchitecture(tree({ "popup/ok.ts": "export {};\n".repeat(MAX_LINES) }))).toEqual(
      [],
    );
  });

  it("refuses a content script that reaches crypto, even through a pure module", () => {
    const dir = tree({
      "src/content/index.ts": 'import { rule } from "../rules";\n',
      "src/rules.ts": 'export { seal as rule } from "./crypto/seal";\n',
      "src/crypto/seal.ts": "export const seal = 1;\n",
    });
    expect(checkArchitecture(dir)).toEqual([
      expect.stringMatching(
        /^src\/content\/index\.ts reaches src\/crypto\/seal\.ts \(src\/content\/index\.ts -> src\/rules\.ts -> src\/crypto\/seal\.ts\)/,
      ),
    ]);
  });

  it("counts a package's types as no use of the package, but a value import as one", () => {
    const types = tree({
      "src/content/api.ts":
        'import type { Browser } from "webextension-polyfill";\nexport type B = Browser;\n',
    });
    expect(checkArchitecture(types)).toEqual([]);
    const value = tree({
      "src/content/api.ts":
        'import browser from "webextension-polyfill";\nexport const b = browser;\n',
    });
    expect(checkArchitecture(value)).toEqual([
      expect.stringMatching(/^src\/content\/api\.ts reaches pkg:webextension-polyfill/),
    ]);
  });

  it("refuses a pure module that reaches the browser API, or uses it", () => {
    const dir = tree({
      "src/rules.ts": 'import { t } from "./i18n";\nexport const r = t;\n',
      "src/i18n.ts": 'import browser from "webextension-polyfill";\nexport const t = browser;\n',
      "src/guess.ts": "export const lang = () => chrome.i18n.getUILanguage();\n",
    });
    expect(checkArchitecture(dir)).toEqual([
      "pure module src/guess.ts uses the extension API",
      "pure module src/rules.ts reaches src/i18n.ts (src/rules.ts -> src/i18n.ts)",
      "pure module src/rules.ts reaches pkg:webextension-polyfill (src/rules.ts -> src/i18n.ts -> pkg:webextension-polyfill)",
    ]);
  });

  it("refuses a page that imports the worker", () => {
    const dir = tree({
      "options/app.ts": 'import { vault } from "../src/background/vault";\n',
      "src/background/vault.ts": "export const vault = 1;\n",
    });
    expect(checkArchitecture(dir)).toEqual([
      expect.stringMatching(/^options\/app\.ts reaches src\/background\/vault\.ts/),
    ]);
  });
});

describe("storage ownership", () => {
  const items = [
    'import { localItem, sessionItem } from "./item";',
    'export const aItem = localItem<number>("a", { fallback: () => 0, parse: () => 0 });',
    "export const bItem = sessionItem<string, string | null>(",
    '  "b",',
    "  { fallback: () => null, parse: () => null },",
    ");",
  ].join("\n");
  const base = {
    "src/storage/items.ts": items,
    "src/storage/item.ts":
      "export const localItem = (k, s) => s;\nexport const sessionItem = localItem;\n",
    "src/background/a.ts": 'import { aItem } from "../storage/items";\nexport const a = aItem;\n',
    "src/background/b.ts": 'import { bItem } from "../storage/items";\nexport const b = bItem;\n',
  };

  it("accepts one owner per item", () => {
    expect(checkArchitecture(tree(base))).toEqual([]);
  });

  it("refuses a second owner, an unowned item, a re-export and a namespace import", () => {
    const dir = tree({
      ...base,
      "src/background/b.ts": "export {};\n",
      "src/background/c.ts": 'import { aItem } from "../storage/items";\nexport const c = aItem;\n',
      "src/background/d.ts": 'export { aItem } from "../storage/items";\n',
      "src/background/e.ts": 'import * as all from "../storage/items";\nexport const e = all;\n',
    });
    expect(checkArchitecture(dir)).toEqual([
      "src/background/d.ts re-exports storage items: their owner keeps them",
      "src/background/e.ts imports all of src/storage/items.ts: import the one item it owns",
      'storage key "a" (aItem) must have exactly one owner, has 3: src/background/a.ts, src/background/c.ts, src/background/d.ts',
      'storage key "b" (bItem) must have exactly one owner, has 0: none',
    ]);
  });

  it("refuses the storage API, a key's name or an item declared anywhere else", () => {
    const dir = tree({
      ...base,
      "src/background/raw.ts":
        'import browser from "webextension-polyfill";\nexport const r = () => browser.storage.session.get("b");\n',
      "src/background/own.ts":
        'import { localItem } from "../storage/item";\nexport const x = localItem("x", {});\n',
    });
    expect(checkArchitecture(dir)).toEqual([
      "src/background/own.ts declares a storage item: every item is declared in src/storage/items.ts",
      "src/background/raw.ts uses the storage API: only src/storage/item.ts and src/platform.ts may",
      'src/background/raw.ts names the storage key "b": only its item in src/storage/items.ts does',
    ]);
  });
});

describe("this project", () => {
  it("keeps every rule", () => {
    expect(checkArchitecture(root)).toEqual([]);
  });

  it("has the owners that docs/architecture.md lists, key by key", () => {
    const doc = readFileSync(join(root, "docs/architecture.md"), "utf8");
    const rows = [...doc.matchAll(/^\| `(\w+)` +\| (local|session) +\| `([^`]+)` +\|/gm)];
    const documented = rows.map(([, key, area, owner]) => ({ key, area, owners: [owner] }));
    const actual = storageOwners(root).map(({ key, area, owners }) => ({ key, area, owners }));
    expect(documented).toEqual(actual);
  });
});
