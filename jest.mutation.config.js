/**
 * Jest for the mutation run (npm run mutation): only the fast tests that exercise src/domain, because Stryker runs
 * the tests covering a mutant once per mutant. Left to the normal `npm test`: the browser and Office-mock suites,
 * the command line and the xlsx gateway (its reader, and plan-through-gateway: the plan applied through it), the
 * report, and the two large fast-check suites (test/property/fixture-mutations and generated-grids: about 90 s
 * between them, with fixed run counts).
 * MUTATION_TESTS narrows the run to some test files (comma-separated paths) for a quick loop on one module:
 * MUTATION_TESTS=test/unit/parse.test.ts npm run mutation -- --mutate src/domain/parse.ts
 */
const base = require("./jest.config.js");

const only = (process.env.MUTATION_TESTS ?? "").split(",").filter((p) => p.trim() !== "");

module.exports = {
  ...base,
  // Transpile only: Stryker reruns jest for each mutant, and ts-jest's type check costs about 7 s of every run
  // (8.0 s → 1.1 s for one rule's tests here). Types are checked by `npm test` (ts-jest with diagnostics) and
  // `npm run typecheck`; Stryker's instrumented sources carry @ts-nocheck anyway. tsconfig.mutation.json only adds isolatedModules (transpile).
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.mutation.json", diagnostics: false }],
  },
  // Each mutant's run loads only the test files holding a test that covers it (test/mutation/sequencer.js).
  setupFilesAfterEnv: [...(base.setupFilesAfterEnv ?? []), "<rootDir>/test/mutation/record-names.js"],
  testSequencer: "<rootDir>/test/mutation/sequencer.js",
  // A mutant's run stops running test bodies once one test has killed it (test/mutation/environment.js).
  // (an absolute path: Stryker resolves the environment itself, before jest expands <rootDir>)
  testEnvironment: require("path").join(__dirname, "test/mutation/environment.js"),
  runner: require("path").join(__dirname, "test/mutation/runner.js"),
  ...(only.length ? { testMatch: only.map((p) => `<rootDir>/${p.trim()}`) } : {}),
  testPathIgnorePatterns: [
    "/node_modules/",
    "/test/e2e/",
    // The pane's jsdom tests report no coverage to Stryker's node environment.
    "\\.test\\.tsx$",
    "/test/unit/(office|taskpane|manifest|cli|report)[-.]",
    "/test/property/(fixture-mutations|generated-grids|plan-through-gateway)\\.",
    // The xlsx gateway's own tests (its reader, and the plan applied through it: 22 s of every mutant they cover).
    "/test/unit/xlsx-reader\\.",
    "/test/integration/(?!(golden|variants)\\.test\\.ts$)",
  ],
};
