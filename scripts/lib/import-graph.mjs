// The import graph of the shipped code, read from the source text itself (no compiler, no
// bundler): every `import … from`, `import "…"`, `export … from` and `import("…")`, type-only
// imports included, since a type import is a dependency of the design as much as of the build.
// Relative specifiers are resolved the way the bundler does (extension optional, folder index);
// bare specifiers are packages, kept as `pkg:<name>` nodes so that rules can name them.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";

const CODE = /\.(ts|tsx|js|mjs)$/;
const RESOLVE_SUFFIXES = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];

/**
 * One import of a module: what it names, the file (or `pkg:name`) that is, the bindings it takes
 * by name (`{ a, b as c }`: ["a", "b"]; "*" for a namespace import), whether it re-exports them,
 * and whether it is erased from the build (`import type`, `typeof import(…)`).
 * @typedef {{ spec: string, names: string[], reexport: boolean, typeOnly: boolean }} Specifier
 * @typedef {Specifier & { target: string }} ImportEdge
 * @typedef {{ file: string, lines: number, text: string, code: string, imports: ImportEdge[] }} ModuleInfo
 * @typedef {Map<string, ModuleInfo>} ImportGraph
 */

/**
 * The text with its comments blanked out (strings and template literals kept), so that an
 * import shown in a comment is not taken for one. Line breaks are kept, so offsets still map to
 * the same lines.
 * @param {string} text
 * @returns {string}
 */
export function stripComments(text) {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const STATIC =
  /(?:^|[;\n}])\s*(import|export)\s+(type\s+)?([\w$*{}\s,]*?)\s*(?:\bfrom\s*)?["']([^"'\n]+)["']/g;
const DYNAMIC = /\bimport\s*\(\s*["']([^"'\n]+)["']\s*\)/g;

/**
 * @param {string} clause  what stands between `import` and `from`
 * @returns {string[]}
 */
function boundNames(clause) {
  /** @type {string[]} */
  const names = [];
  if (/\*/.test(clause)) names.push("*");
  const braces = /\{([^}]*)\}/.exec(clause);
  for (const part of braces?.[1]?.split(",") ?? []) {
    const name = part
      .trim()
      .replace(/^type\s+/, "")
      .split(/\s+as\s+/)[0]
      ?.trim();
    if (name) names.push(name);
  }
  const head = clause.replace(/\{[^}]*\}/, "").replace(/\*\s*as\s+[\w$]+/, "");
  const dflt = /^\s*([\w$]+)/.exec(head)?.[1];
  if (dflt) names.push("default");
  return names;
}

/**
 * The specifiers a module imports or re-exports, with the names it binds.
 * @param {string} text  the module's source
 * @returns {Specifier[]}
 */
export function importSpecifiers(text) {
  const code = stripComments(text);
  /** @type {Specifier[]} */
  const found = [];
  for (const m of code.matchAll(STATIC)) {
    const [, keyword = "", type, clause = "", spec = ""] = m;
    // `export const x = "…"` is no re-export: a re-export names what it takes, or `*`.
    if (keyword === "export" && !/^(\*|\{)/.test(clause.trim())) continue;
    const reexport = keyword === "export";
    found.push({ spec, names: boundNames(clause), reexport, typeOnly: type !== undefined });
  }
  for (const m of code.matchAll(DYNAMIC)) {
    const typeOnly = /\btypeof\s*$/.test(code.slice(0, m.index));
    found.push({ spec: m[1] ?? "", names: ["*"], reexport: false, typeOnly });
  }
  return found;
}

/** @param {string} path */
const toPosix = (path) => path.split(sep).join("/");

/**
 * Every code file under `dirs` (relative to `root`), as posix paths from the root.
 * @param {string} root
 * @param {readonly string[]} dirs
 * @returns {string[]}
 */
export function codeFiles(root, dirs) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (CODE.test(name)) files.push(toPosix(relative(root, path)));
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  return files;
}

/**
 * @param {string} root
 * @param {string} from  posix path of the importing file
 * @param {string} spec
 * @returns {string}  a posix path from the root, or `pkg:<name>`
 */
function resolveSpec(root, from, spec) {
  if (!spec.startsWith(".")) {
    const parts = spec.split("/");
    return `pkg:${spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]}`;
  }
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    const full = join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return base; // unresolved: kept as written, so that a rule still sees where it points
}

/**
 * The import graph of every code file under `dirs`.
 * @param {string} root
 * @param {readonly string[]} dirs
 * @returns {ImportGraph}
 */
export function readGraph(root, dirs) {
  /** @type {ImportGraph} */
  const graph = new Map();
  for (const file of codeFiles(root, dirs)) {
    const text = readFileSync(join(root, file), "utf8");
    const imports = importSpecifiers(text).map((i) => ({
      ...i,
      target: resolveSpec(root, file, i.spec),
    }));
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    graph.set(file, { file, lines, text, code: stripComments(text), imports });
  }
  return graph;
}

/**
 * Every import circle, as a path that starts and ends with the same file (a → b → a). Found
 * with Tarjan's strongly connected components; each component is told once, by one loop
 * through its first file.
 * @param {ImportGraph} graph
 * @returns {string[][]}
 */
export function findCycles(graph) {
  /** @param {string} file */
  const next = (file) =>
    [...new Set((graph.get(file)?.imports ?? []).map((i) => i.target))].filter((t) => graph.has(t));
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {Map<string, number>} */
  const low = new Map();
  /** @type {string[]} */
  const stack = [];
  /** @type {Set<string>} */
  const onStack = new Set();
  /** @type {string[][]} */
  const components = [];
  let counter = 0;
  /** @param {string} v */
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    /** @type {string[]} */
    const component = [];
    let w;
    do {
      w = stack.pop() ?? v;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || next(v).includes(v)) components.push(component.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components.map((component) => loopThrough(component, next));
}

/**
 * A shortest loop from the component's first file back to it, inside the component.
 * @param {string[]} component
 * @param {(file: string) => string[]} next
 * @returns {string[]}
 */
function loopThrough(component, next) {
  const start = component[0] ?? "";
  const inside = new Set(component);
  /** @type {Map<string, string>} */
  const cameFrom = new Map();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift() ?? start;
    for (const w of next(v)) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = cameFrom.get(u) ?? start) path.unshift(u);
        path.unshift(start);
        return path;
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...component, start];
}

/**
 * Every node (file or `pkg:name`) that `file` reaches through imports, with the path to it. The
 * types of a package (`import type … from "pkg"`) are not the package: they load none of it.
 * @param {ImportGraph} graph
 * @param {string} file
 * @returns {Map<string, string[]>}
 */
export function reachable(graph, file) {
  /** @type {Map<string, string[]>} */
  const paths = new Map([[file, [file]]]);
  const queue = [file];
  while (queue.length) {
    const v = queue.shift() ?? file;
    for (const { target, typeOnly } of graph.get(v)?.imports ?? []) {
      if (paths.has(target) || (typeOnly && target.startsWith("pkg:"))) continue;
      paths.set(target, [...(paths.get(v) ?? []), target]);
      queue.push(target);
    }
  }
  paths.delete(file);
  return paths;
}
