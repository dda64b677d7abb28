#!/usr/bin/env node
// Builds dist/chrome and dist/firefox. `--if-stale` skips the build when every file under
// dist/<browser> is newer than every source file (the E2E suite calls it before each run).
// `--cost-probe` builds the bench's probe variant into dist/probe-<browser> instead
// (src/content/cost-probe.ts): never shipped, only measured.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const targets = ["chrome", "firefox"];
const sources = [
  "src",
  "popup",
  "options",
  "public",
  "manifest.json",
  "vite.config.ts",
  "package-lock.json",
];

/**
 * The newest (`pick` = Math.max) or oldest (Math.min) modification time of the files under
 * `path`; undefined when there are none.
 * @param {string} path
 * @param {(a: number, b: number) => number} pick
 * @returns {number | undefined}
 */
function newest(path, pick) {
  if (!existsSync(path)) return undefined;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let best;
  for (const name of readdirSync(path)) {
    const t = newest(join(path, name), pick);
    if (t !== undefined) best = best === undefined ? t : pick(best, t);
  }
  return best;
}

const probe = process.argv.includes("--cost-probe");
const outDir = (/** @type {string} */ target) => (probe ? `probe-${target}` : target);

/** @param {string} target */
function isStale(target) {
  const built = newest(join(root, "dist", outDir(target)), Math.min);
  if (built === undefined) return true;
  const src = Math.max(...sources.map((s) => newest(join(root, s), Math.max) ?? 0));
  return src > built;
}

const ifStale = process.argv.includes("--if-stale");
for (const target of targets) {
  if (ifStale && !isStale(target)) continue;
  const r = spawnSync(
    process.execPath,
    [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, TARGET_BROWSER: target, ...(probe ? { COST_PROBE: "1" } : {}) },
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log(`built dist/${outDir(target)}`);
}
