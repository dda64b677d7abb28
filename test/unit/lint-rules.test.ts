// @vitest-environment node
// The project's own source rules in eslint.config.js really fire: each forbidden pattern is
// reported where it is forbidden, and allowed where it is allowed. The type-aware rules are
// switched off here (they would build the whole program, which takes seconds); they are
// typescript-eslint's own and `npm run lint` runs them.
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
let eslint: ESLint;

// Loading the config and its plugins takes seconds on a busy machine: done once here, with its
// own time limit, so that no single case pays for it (one did, and went over the 5 s default).
beforeAll(async () => {
  eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });
  await eslint.lintText("export {};\n", { filePath: "src/warm-up.ts" });
}, 120_000);

/** The ids of the rules that report `code` as if it were the file at `filePath`. */
async function rulesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `parse error: ${m.message}`);
}

describe("project lint rules", () => {
  it.each([
    // HTML from strings, in shipped code.
    ["src/content/x.ts", "export const f = (el: Element, s: string) => { el.innerHTML = s; };"],
    ["popup/x.ts", "export const f = (el: Element) => el.outerHTML;"],
    ["options/x.ts", 'export const f = (el: Element, s: string) => { el["innerHTML"] = s; };'],
    [
      "src/ui/x.ts",
      'export const f = (el: Element, s: string) => Reflect.set(el, "innerHTML", s);',
    ],
    [
      "src/ui/x.ts",
      "export const f = (el: Element, s: string) => Object.assign(el, { innerHTML: s });",
    ],
    [
      "src/x.ts",
      'export const f = (el: Element, s: string) => el.insertAdjacentHTML("afterend", s);',
    ],
    [
      "popup/x.tsx",
      'export const C = () => <p dangerouslySetInnerHTML={{ __html: "<b>x</b>" }} />;',
    ],
    ["options/x.ts", 'export const props = { dangerouslySetInnerHTML: { __html: "x" } };'],
    ["src/x.ts", "export const f = (s: string) => document.write(s);"],
    ["src/x.ts", 'export const f = (s: string) => document["writeln"](s);'],
  ])("%s: HTML from strings is refused (%s)", async (file, code) => {
    expect(await rulesFor(file, code)).toEqual([
      expect.stringMatching(/^no-restricted-(syntax|properties)$/),
    ]);
  });

  it.each([
    ["src/x.ts", "export const f = (s: string): unknown => eval(s);", "no-eval"],
    ["scripts/x.mjs", "export const f = (s) => globalThis.eval(s);", "no-eval"],
    ["src/x.ts", 'export const f = (s: string) => new Function("a", s);', "no-new-func"],
    ["test/x.ts", "export const f = (s: string) => Function(s);", "no-new-func"],
    ["src/ui/x.ts", 'export const f = () => console.log("x");', "no-console"],
    ["src/background/x.ts", "export const f = (e: unknown) => console.error(e);", "no-console"],
    ["src/x.ts", "export const x: any = 1;", "@typescript-eslint/no-explicit-any"],
    ["test/x.ts", "export const x = 1 as any;", "@typescript-eslint/no-explicit-any"],
    ["scripts/x.ts", "export const f = (x: any[]) => x;", "@typescript-eslint/no-explicit-any"],
    [
      "src/x.ts",
      "// @ts-ignore\nexport const x: number = 'a';",
      "@typescript-eslint/ban-ts-comment",
    ],
    ["test/x.ts", "// @ts-nocheck\nexport const x = 1;", "@typescript-eslint/ban-ts-comment"],
    ["scripts/x.mjs", "// @ts-nocheck\nexport const x = 1;", "@typescript-eslint/ban-ts-comment"],
  ])("%s: %s is refused", async (file, code, rule) => {
    expect(await rulesFor(file, code)).toEqual([rule]);
  });

  it.each([
    "export const f = () => setTimeout(() => undefined, 1000);",
    "export const f = () => setInterval(() => undefined, 1000);",
    "export const f = () => globalThis.setTimeout(() => undefined, 1000);",
    'export const f = () => self["setInterval"](() => undefined, 1000);',
    "const { setTimeout: later } = globalThis;\nexport const f = later;",
  ])("src/background: timers are refused (%s)", async (code) => {
    expect(await rulesFor("src/background/x.ts", code)).toEqual([
      expect.stringMatching(/^no-restricted-(globals|properties)$/),
    ]);
  });

  it("hooks follow the rules of hooks and list their dependencies", async () => {
    const header = 'import { useEffect, useState } from "preact/hooks";\n';
    expect(
      await rulesFor(
        "options/x.tsx",
        `${header}export function C(p: { on: boolean }) {\n  if (p.on) useState(0);\n  useEffect(() => undefined, []);\n  return null;\n}`,
      ),
    ).toEqual(["react-hooks/rules-of-hooks"]);
    expect(
      await rulesFor(
        "src/ui/x.tsx",
        `${header}export function C(p: { n: number }) {\n  const [n, setN] = useState(0);\n  useEffect(() => setN(p.n), []);\n  return n;\n}`,
      ),
    ).toEqual(["react-hooks/exhaustive-deps"]);
  });

  it.each([
    // The same code is fine where it is allowed, and clean code passes.
    [
      "src/background/x.ts",
      'export const f = () => browser.alarms.create("x", { delayInMinutes: 1 });',
    ],
    ["src/ui/x.ts", "export const f = (run: () => void) => setTimeout(run, 1000);"],
    ["src/ui/x.tsx", "export const C = (p: { text: string }) => <p>{p.text}</p>;"],
    ["src/x.ts", "export const f = (el: Element, s: string) => { el.textContent = s; };"],
    ["test/x.ts", "export const f = (el: Element, s: string) => { el.innerHTML = s; };"],
    ["test/x.ts", 'export const f = () => console.log("x");'],
    ["scripts/x.mjs", 'console.log("x");'],
  ])("%s: allowed (%s)", async (file, code) => {
    expect(await rulesFor(file, code)).toEqual([]);
  });
});
