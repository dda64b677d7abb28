// ESLint: typescript-eslint's type-checked recommended rules on all code (TypeScript and the
// JSDoc-typed JavaScript), the hooks rules for the Preact components, and the project's own
// source rules. test/unit/lint-rules.test.ts checks that the project's rules fire.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Code that ships in the extension: the background worker, content script, popup, options. */
const SHIPPED = ["src/**", "popup/**", "options/**"];

// HTML parsed from strings bypasses Preact's escaping: shipped code builds nodes (JSX,
// createElement, textContent). These names are refused wherever code spells them (a property,
// a key, a string), since shipped code never needs to read them either.
const HTML = "No HTML from strings in shipped code: build nodes (JSX, createElement, textContent).";
const HTML_NAMES = "/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML/";
const htmlSyntax = [
  `Identifier[name=${HTML_NAMES}]`,
  `JSXIdentifier[name=${HTML_NAMES}]`,
  `Literal[value=${HTML_NAMES}]`,
  `TemplateElement[value.raw=${HTML_NAMES}]`,
].map((selector) => ({ selector, message: HTML }));
const documentWrite = ["write", "writeln"].map((property) => ({
  object: "document",
  property,
  message: HTML,
}));

// The MV3 background worker can be stopped at any moment, its pending timers with it.
const TIMER = "No timers in the background worker, which can be stopped at any moment: use alarms.";
const workerTimers = ["setTimeout", "setInterval"];

export default defineConfig(
  {
    ignores: ["dist/**", ".cache/**", "bench/tmp/**", "test-results/**", "test/fixtures/certs/**"],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": [
        "error",
        { "ts-ignore": true, "ts-nocheck": true, "ts-expect-error": "allow-with-description" },
      ],
      // `const { password: _p, ...rest } = entry` is how a field is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      "no-eval": "error",
      "no-new-func": "error",
      // The type-aware form of core no-implied-eval, which recommendedTypeChecked turns off.
      "@typescript-eslint/no-implied-eval": "error",
    },
  },
  {
    files: ["**/*.tsx", "popup/**", "options/**", "src/ui/**"],
    // Rules only: the plugin's `configs` do not fit ESLint's Plugin type (and are not used).
    plugins: { "react-hooks": { meta: reactHooks.meta, rules: reactHooks.rules } },
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
      "no-restricted-properties": ["error", ...documentWrite],
    },
  },
  {
    files: ["src/background/**"],
    languageOptions: { globals: globals.serviceworker },
    rules: {
      "no-restricted-globals": ["error", ...workerTimers.map((name) => ({ name, message: TIMER }))],
      // Restates the shipped list too: a later config replaces a rule's options, it does not add.
      "no-restricted-properties": [
        "error",
        ...documentWrite,
        ...workerTimers.map((property) => ({ property, message: TIMER })),
      ],
    },
  },
  {
    // Node scripts, tests (and the pages and fixtures they serve), configuration.
    files: ["scripts/**", "test/**", "bench/**", "*.config.{js,ts}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
