// The import graph of the shipped code, from the imports each module names (imports.mjs),
// type-only ones included: a type import is a dependency of the design as much as of the build.
// Relative specifiers are resolved the way the bundler does (extension optional, folder index);
// bare specifiers are packages, kept as `pkg:<name>` nodes so that rules can name them.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { importSpecifiers, stripComments } from "./imports.mjs";

const CODE = /\.(ts|tsx|js|mjs)$/;
const RESOLVE_SUFFIXES = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];

/**
 * An import resolved: the file (or `pkg:name`) that its specifier names.
 * @typedef {import("./imports.mjs").Specifier & { target: string }} ImportEdge
 * @typedef {{ file: string, lines: number, text: string, code: string, imports: ImportEdge[] }} ModuleInfo
 * @typedef {Map<string, ModuleInfo>} ImportGraph
 */
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
