// The one set-up step every entry point shares (`npm start`, `npm test`, `.ci/run`): find the
// browsers it needs and, when one is missing, install it from Debian where this machine can
// (root and apt-get, as on CI), or else say in one line what to run. Never a stack trace.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { defaultExecutable } from "./browser-process.mjs";

/**
 * @typedef {import("./browsers.mjs").BrowserName} BrowserName
 *
 * @typedef {object} SetupEnv What the decision depends on (injected so tests can vary it).
 * @property {(path: string) => boolean} isExecutable
 * @property {boolean} isRoot
 * @property {string | null} aptGet Path of apt-get, or null when there is none.
 * @property {Record<string, string | undefined>} env CHROMIUM_PATH / FIREFOX_PATH overrides.
 *
 * @typedef {{ kind: "ready", paths: Record<string, string> }
 *   | { kind: "install", packages: string[], aptGet: string }
 *   | { kind: "instruct", message: string }} SetupPlan
 */

/** Debian package that provides each browser at its default path. */
export const PACKAGES = /** @type {const} */ ({ chromium: "chromium", firefox: "firefox-esr" });
const ENV_VARS = /** @type {const} */ ({ chromium: "CHROMIUM_PATH", firefox: "FIREFOX_PATH" });

/**
 * Pure decision: every wanted browser is there, or what to install, or what to tell the user.
 * A browser path given in the environment is the user's choice: it is never "fixed" by an
 * install, only reported.
 * @param {readonly BrowserName[]} wanted
 * @param {SetupEnv} env
 * @returns {SetupPlan}
 */
export function planBrowserSetup(wanted, env) {
  /** @type {Record<string, string>} */
  const paths = {};
  /** @type {BrowserName[]} */
  const missing = [];
  for (const name of wanted) {
    const path = defaultExecutable(name, env.env);
    if (env.isExecutable(path)) paths[name] = path;
    else if (env.env[ENV_VARS[name]]) {
      return {
        kind: "instruct",
        message: `${ENV_VARS[name]}=${path} is not an executable browser: fix or unset ${ENV_VARS[name]}.`,
      };
    } else missing.push(name);
  }
  if (missing.length === 0) return { kind: "ready", paths };
  const packages = missing.map((name) => PACKAGES[name]);
  if (env.isRoot && env.aptGet) return { kind: "install", packages, aptGet: env.aptGet };
  const names = missing.map((name) => (name === "chromium" ? "Chromium" : "Firefox ESR"));
  return {
    kind: "instruct",
    message:
      `${names.join(" and ")} not found (${missing.map((n) => defaultExecutable(n, env.env)).join(", ")}): ` +
      `run \`sudo apt-get install -y ${packages.join(" ")}\` (Debian/Ubuntu), ` +
      `or point ${missing.map((n) => ENV_VARS[n]).join("/")} at an installed one.`,
  };
}

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} command @param {Record<string, string | undefined>} env */
function onPath(command, env) {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir && isExecutable(join(dir, command))) return join(dir, command);
  }
  return null;
}

/**
 * The machine as it is. `APT_GET` names another apt-get (tests use a stand-in).
 * @param {Record<string, string | undefined>} [env]
 * @returns {SetupEnv}
 */
export function currentSetupEnv(env = process.env) {
  return {
    isExecutable,
    isRoot: typeof process.getuid === "function" && process.getuid() === 0,
    aptGet: env.APT_GET ?? onPath("apt-get", env),
    env,
  };
}

/**
 * Makes sure the wanted browsers are installed: installs them from Debian when this machine
 * can, otherwise returns the one-line instruction.
 * @param {readonly BrowserName[]} wanted
 * @param {{ env?: SetupEnv, log?: (line: string) => void }} [options]
 * @returns {string | null} an error line for the user, or null when every browser is there
 */
export function ensureBrowsers(wanted, { env = currentSetupEnv(), log = console.log } = {}) {
  const plan = planBrowserSetup(wanted, env);
  if (plan.kind === "ready") return null;
  if (plan.kind === "instruct") return plan.message;
  log(`Installing ${plan.packages.join(" and ")} from Debian (apt-get)…`);
  const run = (/** @type {string[]} */ args) =>
    spawnSync(plan.aptGet, args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...env.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  const update = run(["update", "-q"]);
  const install = update.status === 0 ? run(["install", "-y", "-q", ...plan.packages]) : update;
  const after = planBrowserSetup(wanted, env);
  if (after.kind === "ready") return null;
  return (
    `Could not install ${plan.packages.join(" ")} with apt-get (exit ${install.status ?? "signal"}): ` +
    `run \`apt-get update && apt-get install -y ${plan.packages.join(" ")}\` and try again.`
  );
}
