// @vitest-environment node
// The set-up step shared by `npm start`, `npm test` and `.ci/run`: on a machine without the
// browsers it installs them from Debian where it can, else it prints one line with the exact
// command and exits 1 — never a stack trace.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  ensureBrowsers,
  planBrowserSetup,
  type SetupEnv,
} from "../../scripts/lib/browser-setup.mjs";

const nothing = (over: Partial<SetupEnv> = {}): SetupEnv => ({
  isExecutable: () => false,
  isRoot: false,
  aptGet: null,
  env: {},
  ...over,
});

describe("planBrowserSetup", () => {
  it("is ready when Debian's browsers are at their paths", () => {
    const plan = planBrowserSetup(["chromium", "firefox"], nothing({ isExecutable: () => true }));
    expect(plan).toEqual({
      kind: "ready",
      paths: { chromium: "/usr/bin/chromium", firefox: "/usr/bin/firefox-esr" },
    });
  });

  it("installs only what is missing, as root with apt-get", () => {
    const plan = planBrowserSetup(
      ["chromium", "firefox"],
      nothing({
        isExecutable: (p) => p === "/usr/bin/chromium",
        isRoot: true,
        aptGet: "/usr/bin/apt-get",
      }),
    );
    expect(plan).toEqual({
      kind: "install",
      packages: ["firefox-esr"],
      aptGet: "/usr/bin/apt-get",
    });
  });

  it("tells a user who is not root the one command to run", () => {
    const plan = planBrowserSetup(["chromium"], nothing({ aptGet: "/usr/bin/apt-get" }));
    expect(plan.kind).toBe("instruct");
    if (plan.kind !== "instruct") return;
    expect(plan.message).toContain("sudo apt-get install -y chromium");
    expect(plan.message).not.toContain("\n");
  });

  it("tells the user when there is no apt-get at all (not Debian)", () => {
    const plan = planBrowserSetup(["firefox"], nothing({ isRoot: true }));
    expect(plan.kind).toBe("instruct");
    if (plan.kind === "instruct") expect(plan.message).toContain("FIREFOX_PATH");
  });

  it("never overrides a browser path the user chose; it says it is wrong", () => {
    const plan = planBrowserSetup(
      ["chromium"],
      nothing({ isRoot: true, aptGet: "/usr/bin/apt-get", env: { CHROMIUM_PATH: "/opt/x" } }),
    );
    expect(plan).toEqual({
      kind: "instruct",
      message: "CHROMIUM_PATH=/opt/x is not an executable browser: fix or unset CHROMIUM_PATH.",
    });
  });
});

describe("ensureBrowsers", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = "";
  });

  /** An apt-get stand-in that records its calls and "installs" by creating a marker. */
  function fakeApt({ works }: { works: boolean }): { apt: string; log: string; marker: string } {
    dir = mkdtempSync(join(tmpdir(), "iamoffice-apt-"));
    const log = join(dir, "calls");
    const marker = join(dir, "installed");
    const apt = join(dir, "apt-get");
    writeFileSync(
      apt,
      `#!/bin/sh\necho "$@" >> "${log}"\n` +
        (works ? `[ "$1" = install ] && touch "${marker}"\nexit 0\n` : "exit 100\n"),
    );
    chmodSync(apt, 0o755);
    return { apt, log, marker };
  }

  it("installs the missing browser with apt-get update then install, then is ready", () => {
    const { apt, log, marker } = fakeApt({ works: true });
    const lines: string[] = [];
    const problem = ensureBrowsers(["chromium"], {
      env: { isExecutable: () => existsSync(marker), isRoot: true, aptGet: apt, env: {} },
      log: (line) => lines.push(line),
    });
    expect(problem).toBeNull();
    expect(lines).toEqual(["Installing chromium from Debian (apt-get)…"]);
    expect(spawnSync("cat", [log], { encoding: "utf8" }).stdout).toBe(
      "update -q\ninstall -y -q chromium\n",
    );
  });

  it("reports a failed install in one line with the command to retry", () => {
    const { apt } = fakeApt({ works: false });
    const problem = ensureBrowsers(["firefox"], {
      env: { isExecutable: () => false, isRoot: true, aptGet: apt, env: {} },
      log: () => undefined,
    });
    expect(problem).toMatch(
      /^Could not install firefox-esr with apt-get \(exit 100\): run `apt-get/,
    );
  });

  // The commands a newcomer types: one clear line on stderr, exit 1, no stack trace.
  for (const [what, args] of [
    ["node scripts/setup-browsers.mjs", ["scripts/setup-browsers.mjs"]],
    ["npm start (scripts/start.mjs)", ["scripts/start.mjs", "--no-build", "--headless"]],
  ] as const) {
    it(`${what} with a missing browser: one line, exit 1`, () => {
      const r = spawnSync(process.execPath, args, {
        encoding: "utf8",
        env: {
          ...process.env,
          CHROMIUM_PATH: "/nonexistent/chromium",
          FIREFOX_PATH: "/nonexistent/firefox",
        },
        timeout: 20_000,
      });
      expect(r.status).toBe(1);
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(
        "CHROMIUM_PATH=/nonexistent/chromium is not an executable browser",
      );
      expect(r.stderr).not.toMatch(/^\s+at /m);
    });
  }
});
