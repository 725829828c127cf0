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
  },
  moduleNameMapper: { "^@pn/shared$": "<rootDir>/../shared/src/index.ts" },
  globalSetup: "<rootDir>/test/global-setup.ts",
  globalTeardown: "<rootDir>/test/global-teardown.ts",
  testTimeout: 30_000,
  maxWorkers: "50%",
};
