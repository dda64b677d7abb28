import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * One end-to-end project per engine (E2E_BROWSERS tells the harness which), so that
 * `scripts/test-e2e.mjs` runs files of both engines side by side: most of a browser test is
 * spent waiting on the browser, so several fit the 2-core machines.
 */
const e2e = (browser: "chromium" | "firefox"): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `e2e-${browser}`,
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    env: { E2E_BROWSERS: browser },
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
          setupFiles: ["test/unit/setup.ts"],
        },
      },
      e2e("chromium"),
      e2e("firefox"),
    ],
  },
});
