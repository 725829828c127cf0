/**
 * Server tests run against real PostgreSQL: the embedded one (started once in
 * globalSetup) or DATABASE_URL's server. Each test file clones a migrated
 * template database, so files run in parallel without sharing rows.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.spec.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
    // pg-boss and a few of its dependencies ship ES modules only; jest's CommonJS runtime needs them compiled.
    "^.+\\.m?js$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: [
    "/node_modules/(?!(\\.pnpm/)?(pg-boss|cron-parser|rrule-temporal|serialize-error|non-error|temporal-polyfill|luxon)[@/])",
  ],
  moduleNameMapper: { "^@pn/shared$": "<rootDir>/../shared/src/index.ts" },
  globalSetup: "<rootDir>/test/global-setup.ts",
  globalTeardown: "<rootDir>/test/global-teardown.ts",
  testTimeout: 30_000,
  maxWorkers: "50%",
};
