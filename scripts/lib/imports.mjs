// The imports a module's source names, read from the text itself (no compiler): every
// `import … from`, `import "…"`, `export … from` and `import("…")`, with the names each
// binds and whether it is erased from the build. Comments are blanked out first.

/**
 * One import of a module: what it names, the bindings it takes by name (`{ a, b as c }`:
 * ["a", "b"]; "*" for a namespace import), whether it re-exports them, and whether it is erased
 * from the build (`import type`, `typeof import(…)`).
 * @typedef {{ spec: string, names: string[], reexport: boolean, typeOnly: boolean }} Specifier
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
