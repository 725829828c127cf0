// Flat ESLint config for the whole monorepo.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Every folder under src/features is a feature: a new one is covered without editing this list.
const FEATURES = fs
  .readdirSync(fileURLToPath(new URL("packages/web/src/features", import.meta.url)), {
    withFileTypes: true,
  })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.data/**",
      "packages/web/src/gql/**",
      "bench/results/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: "Focused tests (.only) must not be committed.",
        },
      ],
    },
  },
  {
    files: ["packages/server/**/*.ts"],
    rules: {
      // Decorated classes need runtime imports for emitDecoratorMetadata.
      "@typescript-eslint/consistent-type-imports": "off",
    },
  },
  // The GraphQL kernel (node, connections, errors, context, ids, limits) names no module and
  // not the wiring above it: app/ assembles the schema, loaders and context from the modules.
  {
    files: ["packages/server/src/graphql/**/*.ts"],
    ignores: ["packages/server/src/graphql/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/modules/**", "**/app/**"],
              message:
                "The GraphQL kernel must not import a module or the wiring layer; declare what it needs in graphql/ and wire it in app/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/web/**/*.{ts,tsx}", "packages/web/public/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // A feature never imports another feature: shared pieces live in src/components, wiring in src/app.
  ...FEATURES.map((feature) => ({
    files: [`packages/web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: FEATURES.filter((other) => other !== feature).flatMap((other) => [
                `**/features/${other}`,
                `**/features/${other}/**`,
              ]),
              message:
                "A feature must not import another feature; move shared code to src/components.",
            },
            {
              group: ["**/app/**", "../../app/*"],
              message: "Features must not import app wiring.",
            },
          ],
        },
      ],
    },
  })),
);
