/**
 * End-to-end tests: the built server (packages/server/dist) serving the built SPA
 * (packages/web/dist), driven by a headless Chromium through playwright-core.
 * Build first (`pnpm build`); `pnpm test` does that for you.
 *
 * @type {import("jest").Config}
 */
module.exports = {
  displayName: "e2e",
  rootDir: __dirname,
  roots: ["<rootDir>"],
  testMatch: ["<rootDir>/**/*.e2e.ts"],
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
    ],
  },
  // One server for the whole run: started before any test file, stopped (and its exit code checked) after all.
  globalSetup: "<rootDir>/support/global-setup.ts",
  globalTeardown: "<rootDir>/support/global-teardown.ts",
  testTimeout: 60_000,
  // Each file launches its own Chromium; two at a time keeps a small CI machine responsive.
  maxWorkers: 2,
};
