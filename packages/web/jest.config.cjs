const ESM_ONLY = ["rettime", "until-async", "@open-draft"];

/** @type {import("jest").Config} */
module.exports = {
  displayName: "web",
  rootDir: __dirname,
  roots: ["<rootDir>/src", "<rootDir>/build"],
  // jsdom with Node's fetch/streams/TextEncoder restored, which msw 2 needs.
  testEnvironment: "jest-fixed-jsdom",
  testEnvironmentOptions: { url: "http://localhost/" },
  setupFilesAfterEnv: ["<rootDir>/src/testing/setup-tests.ts"],
  // Whole user flows (type, click, wait for the mock server) on a busy 2-CPU machine; a test still
  // ends as soon as its last expectation holds.
  testTimeout: 30_000,
  transform: {
    "^.+\\.(t|j)sx?$|^.+\\.mjs$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
  },
  moduleNameMapper: {
    "\\.css$": "identity-obj-proxy",
    "^@pn/shared$": "<rootDir>/../shared/src/index.ts",
  },
  // A few of msw's dependencies ship ESM only: let SWC compile them to CommonJS.
  transformIgnorePatterns: [`/node_modules/(?!(\\.pnpm|${ESM_ONLY.join("|")})[/@])`],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  clearMocks: true,
  restoreMocks: true,
};
