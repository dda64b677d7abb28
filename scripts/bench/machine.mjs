// The machine a bench ran on: cores, CPU model, memory, load, OS, Node and browser versions.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { defaultExecutable } from "../lib/browsers.mjs";
import { availableParallelism, cpus, loadavg, release, totalmem } from "node:os";

/**
 * @param {Record<string, string>} browsers name → version string
 */
export function machineInfo(browsers) {
  let model = cpus()[0]?.model ?? "unknown";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) model = line.split(":").slice(1).join(":").trim();
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    nproc: availableParallelism(),
    cpu: model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    kernel: release(),
    node: process.version,
    browsers,
  };
}

/**
 * The browser binary's own version line (Debian's package build), e.g. "Chromium 156.0.… built
 * on Debian GNU/Linux 12"; `fallback` (puppeteer's product string) when it cannot be run.
 * @param {import("../lib/browsers.mjs").BrowserName} name
 * @param {string} fallback
 * @returns {string}
 */
export function binaryVersion(name, fallback) {
  try {
    // The chromium wrapper script may print a harmless shell warning on stderr: stdout only.
    const out = execFileSync(defaultExecutable(name), ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 10_000,
    }).trim();
    return out.split("\n").at(-1) || fallback;
  } catch {
    return fallback;
  }
}
