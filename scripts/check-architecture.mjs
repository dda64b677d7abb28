#!/usr/bin/env node
// The architecture rules of docs/architecture.md, checked on the import graph of the shipped
// code (src/, popup/, options/) by `npm run lint`:
//  - no import circle (type-only imports count: they tie the design as much as the build);
//  - no code file over MAX_LINES lines;
//  - who may reach whom: the content script never reaches the vault, crypto or storage, pure
//    modules never reach the browser API, pages reach the worker by messages only;
//  - storage: every key is one typed item of src/storage/items.ts, imported by exactly one
//    module (its owner), and nothing else touches the storage API or names a key.
// test/unit/check-architecture.test.ts shows that each rule catches what it forbids.
import { fileURLToPath } from "node:url";
import { findCycles, readGraph, reachable } from "./lib/import-graph.mjs";

export const SOURCE_DIRS = ["src", "popup", "options"];
export const MAX_LINES = 250;

/** @param {string} file @param {string} pattern */
const matches = (file, pattern) =>
  pattern.endsWith("/") ? file.startsWith(pattern) : file === pattern;
/** @param {string} file @param {readonly string[]} patterns */
const inAny = (file, patterns) => patterns.some((p) => matches(file, p));

/**
 * The modules that talk to the browser: the extension API (browser.*, chrome.*), storage, the
 * pages. Every other module of src/ is pure — rules and DOM logic that take their data and time
 * as arguments, unit-tested without a browser — and may reach pure modules and PURE_PACKAGES
 * only. A new module is pure unless it is added here.
 */
export const BROWSER_BOUND = [
  "src/browser.ts",
  "src/page-api.ts",
  "src/native-api.ts",
  "src/platform.ts",
  "src/i18n.ts",
  "src/messaging.ts",
  "src/storage/item.ts",
  "src/storage/items.ts",
  "src/background/",
  "src/content/api.ts",
  "src/content/messages.ts",
  "src/content/activity.ts",
  "src/content/index.ts",
  "src/content/teach/index.ts",
  "src/content/tools.ts",
  "src/ui/",
];
const PURE_PACKAGES = ["pkg:hash-wasm"];
/** @param {string} file */
const isPure = (file) => file.startsWith("src/") && !inAny(file, BROWSER_BOUND);

/**
 * Who may not reach whom, through any chain of imports. A path ending in "/" is a folder.
 * @type {{ from: string[], never: string[], why: string }[]}
 */
export const NEVER = [
  {
    from: ["src/content/"],
    never: [
      "src/background/",
      "src/storage/",
      "src/crypto/",
      "src/ui/",
      "src/browser.ts",
      "pkg:webextension-polyfill",
      "pkg:hash-wasm",
    ],
    why: "the content script runs beside the page: it never loads the vault, crypto or storage",
  },
  {
    from: ["popup/", "options/", "src/ui/"],
    never: ["src/background/", "src/storage/", "src/crypto/", "src/content/"],
    why: "extension pages reach the worker through messages only",
  },
  {
    from: ["src/background/"],
    never: ["popup/", "options/", "src/ui/", "src/content/"],
    why: "the worker serves the pages and the content script; it never loads their code",
  },
];

/** Where the storage items are declared, and the only modules that may use the storage API. */
export const ITEMS_FILE = "src/storage/items.ts";
export const STORAGE_API_FILES = ["src/storage/item.ts", "src/platform.ts"];
/** A migration rewrites an older schema's data once, before any item is read. */
export const MIGRATION_FILES = ["src/storage/migrations.ts"];

/**
 * The storage items of the registry: export name, area and key.
 * @param {string} text
 * @returns {{ name: string, area: string, key: string }[]}
 */
export function declaredItems(text) {
  /** @type {{ name: string, area: string, key: string }[]} */
  const found = [];
  const re =
    /export\s+const\s+([\w$]+)\s*=\s*(local|session)Item\s*(?:<[\s\S]*?>)?\s*\(\s*["']([^"']+)["']/g;
  for (const m of text.matchAll(re))
    found.push({ name: m[1] ?? "", area: m[2] ?? "", key: m[3] ?? "" });
  return found;
}

/**
 * @typedef {import("./lib/import-graph.mjs").ImportGraph} ImportGraph
 * @typedef {{ name: string, area: string, key: string, owners: string[] }} ItemUse
 */

/**
 * Each declared storage item and the modules that import it (its owners: there must be one).
 * @param {ImportGraph} graph
 * @returns {ItemUse[]}
 */
function itemUses(graph) {
  const registry = graph.get(ITEMS_FILE);
  return declaredItems(registry?.code ?? "").map((item) => {
    /** @type {Set<string>} */
    const owners = new Set();
    for (const [file, info] of graph) {
      if (info.imports.some((i) => i.target === ITEMS_FILE && i.names.includes(item.name))) {
        owners.add(file);
      }
    }
    return { ...item, owners: [...owners] };
  });
}

/**
 * Every storage key with its owning modules, for the table of docs/architecture.md.
 * @param {string} root
 * @returns {ItemUse[]}
 */
export function storageOwners(root) {
  return itemUses(readGraph(root, SOURCE_DIRS));
}

const STORAGE_API = /\bstorage\s*\??\.\s*(local|session)\b|\.storage\s*\[/;
const ITEM_DECLARATION = /\b(local|session)Item\s*(<[\s\S]*?>)?\s*\(/;

/**
 * @param {ImportGraph} graph
 * @returns {string[]}
 */
function storageProblems(graph) {
  if (!graph.has(ITEMS_FILE))
    return [`${ITEMS_FILE} is missing: every stored key is declared there`];
  /** @type {string[]} */
  const problems = [];
  const items = itemUses(graph);
  /** @type {Set<string>} */
  const seen = new Set();
  for (const { area, key } of items) {
    if (seen.has(`${area}:${key}`))
      problems.push(`storage key "${key}" (${area}) is declared twice`);
    seen.add(`${area}:${key}`);
  }
  for (const [file, { code, imports }] of graph) {
    if (file === ITEMS_FILE) continue;
    if (!inAny(file, STORAGE_API_FILES) && STORAGE_API.test(code)) {
      problems.push(`${file} uses the storage API: only ${STORAGE_API_FILES.join(" and ")} may`);
    }
    if (file !== "src/storage/item.ts" && ITEM_DECLARATION.test(code)) {
      problems.push(`${file} declares a storage item: every item is declared in ${ITEMS_FILE}`);
    }
    const workerSide = file.startsWith("src/") && !file.startsWith("src/ui/");
    for (const { key } of workerSide && !inAny(file, MIGRATION_FILES) ? items : []) {
      if (new RegExp(`["'\`]${key}["'\`]`).test(code)) {
        problems.push(
          `${file} names the storage key "${key}": only its item in ${ITEMS_FILE} does`,
        );
      }
    }
    for (const i of imports) {
      if (i.target !== ITEMS_FILE) continue;
      if (i.names.includes("*")) {
        problems.push(`${file} imports all of ${ITEMS_FILE}: import the one item it owns`);
      }
      if (i.reexport) problems.push(`${file} re-exports storage items: their owner keeps them`);
    }
  }
  for (const { name, key, owners } of items) {
    if (owners.length === 1) continue;
    const who = owners.join(", ") || "none";
    problems.push(
      `storage key "${key}" (${name}) must have exactly one owner, has ${owners.length}: ${who}`,
    );
  }
  return problems;
}

/**
 * Every broken rule, as one line each; empty when the code keeps them all.
 * @param {string} root
 * @returns {string[]}
 */
export function checkArchitecture(root) {
  const graph = readGraph(root, SOURCE_DIRS);
  /** @type {string[]} */
  const problems = [];
  for (const cycle of findCycles(graph)) problems.push(`import circle: ${cycle.join(" -> ")}`);
  for (const [file, info] of graph) {
    if (info.lines > MAX_LINES)
      problems.push(`${file} has ${info.lines} lines (at most ${MAX_LINES})`);
  }
  for (const [file, info] of graph) {
    if (!isPure(file)) continue;
    if (/\b(browser|chrome)\s*\??\.\s*[a-z]/.test(info.code)) {
      problems.push(`pure module ${file} uses the extension API`);
    }
    for (const [target, path] of reachable(graph, file)) {
      const known = graph.has(target) || target.startsWith("pkg:");
      if (!known || isPure(target) || PURE_PACKAGES.includes(target)) continue;
      problems.push(`pure module ${file} reaches ${target} (${path.join(" -> ")})`);
    }
  }
  for (const rule of NEVER) {
    for (const [file] of graph) {
      if (!inAny(file, rule.from)) continue;
      for (const [target, path] of reachable(graph, file)) {
        if (!inAny(target, rule.never)) continue;
        problems.push(`${file} reaches ${target} (${path.join(" -> ")}): ${rule.why}`);
      }
    }
  }
  return [...problems, ...storageProblems(graph)];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const problems = checkArchitecture(root);
  for (const p of problems) console.error(p);
  console.log(`architecture: ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}
