// ESLint: typescript-eslint's type-checked recommended rules, the hooks rules for the Preact
// components, and the project's own source rules.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Code that ships in the extension: the background worker, content script, popup and options. */
const SHIPPED = ["src/**", "popup/**", "options/**"];

// HTML built from strings bypasses Preact's escaping: shipped code uses DOM APIs or JSX.
const HTML = "No HTML built from strings (use DOM APIs or JSX)";
const htmlProperties = [
  ...["innerHTML", "outerHTML", "insertAdjacentHTML"].map((property) => ({
    property,
    message: HTML,
  })),
  ...["write", "writeln"].map((property) => ({ object: "document", property, message: HTML })),
];
const htmlSyntax = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: HTML },
  { selector: "Property[key.name='dangerouslySetInnerHTML']", message: HTML },
];

// The MV3 background worker can be stopped at any moment, its pending timers with it.
const TIMER = "No timers in the background worker, which can be stopped at any moment (use alarms)";
const timerGlobals = ["setTimeout", "setInterval"].map((name) => ({ name, message: TIMER }));
const timerProperties = ["setTimeout", "setInterval"].map((property) => ({
  property,
  message: TIMER,
}));

export default defineConfig(
  {
    ignores: ["dist/**", ".cache/**", "bench/tmp/**", "test-results/**", "test/fixtures/certs/**"],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      // `const { password: _p, ...rest } = entry` is how a field is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      "@typescript-eslint/ban-ts-comment": [
        "error",
        { "ts-ignore": true, "ts-nocheck": true, "ts-expect-error": "allow-with-description" },
      ],
      "no-eval": "error",
      "no-new-func": "error",
      // The type-aware variant of core `no-implied-eval` (which recommendedTypeChecked turns off).
      "@typescript-eslint/no-implied-eval": "error",
    },
  },
  {
    files: ["**/*.tsx", "popup/**", "options/**", "src/ui/**"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: SHIPPED,
    languageOptions: { globals: globals.browser },
    rules: {
      "no-console": "error",
      "no-restricted-syntax": ["error", ...htmlSyntax],
      "no-restricted-properties": ["error", ...htmlProperties],
    },
  },
  {
    files: ["src/background/**"],
    languageOptions: { globals: globals.serviceworker },
    rules: {
      "no-restricted-globals": ["error", ...timerGlobals],
      // Restates the shipped-code list: a later config replaces a rule's options, not adds.
      "no-restricted-properties": ["error", ...htmlProperties, ...timerProperties],
    },
  },
  {
    files: ["scripts/**", "test/**", "bench/**", "*.config.{js,ts}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
