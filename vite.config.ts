import { defineConfig } from "vite";
import webExtension from "vite-plugin-web-extension";

// One config, two targets: TARGET_BROWSER picks which `{{browser}}.` manifest keys survive.
const target = process.env.TARGET_BROWSER === "firefox" ? "firefox" : "chrome";
// COST_PROBE=1: the bench's probe build (src/content/cost-probe.ts), in its own folder.
const probe = process.env.COST_PROBE === "1";

export default defineConfig({
  // JSX goes through Preact's automatic runtime.
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  define: { __COST_PROBE__: JSON.stringify(probe) },
  build: {
    outDir: probe ? `dist/probe-${target}` : `dist/${target}`,
    emptyOutDir: true,
    // Extension code is audited by humans and by web-ext lint: keep it readable-ish but small.
    // The probe build stays readable, so that a CPU profile names our functions.
    minify: !probe,
    sourcemap: false,
    target: "es2022",
  },
  plugins: [
    webExtension({
      browser: target,
      manifest: "manifest.json",
      // The plugin's online schema check needs the network, which CI does not have.
      skipManifestValidation: true,
      disableAutoLaunch: true,
      // Injected on demand by the worker (src/background/content-tools.ts), not by the manifest.
      additionalInputs: ["src/content/tools.ts"],
    }),
  ],
});
