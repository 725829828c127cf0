/**
 * Fault and load tests of the BUILT server (test/faults/*.fault.ts): each file spawns
 * `node dist/main.js` with its own DATA_DIR and embedded PostgreSQL, then restarts that
 * PostgreSQL, stops SMTP, SIGKILLs the server mid-import, or loads it with concurrent
 * clients. Build first (`pnpm --filter @pn/server build`); `pnpm test` does.
 * One file at a time: the load test measures the server, not its neighbours.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config reusing the unit tests' transforms
const base = require("./jest.config.cjs");

/** @type {import('jest').Config} */
module.exports = {
  displayName: "faults",
  testEnvironment: "node",
  rootDir: __dirname,
  roots: ["<rootDir>/test/faults"],
  testMatch: ["**/*.fault.ts"],
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  testTimeout: 90_000,
  maxWorkers: 1,
};
