// StrykerJS over the engine (src/domain): `npm run mutation`. Scores and the survivors that cannot be killed are
// in docs/mutation.md. The machine's two cores are shared, so one test runner by default:
// STRYKER_CONCURRENCY=2 npm run mutation (or `npm run mutation -- --concurrency 2`) uses more.
const concurrency = Number(process.env.STRYKER_CONCURRENCY ?? 1);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "jest.mutation.config.js", enableFindRelatedTests: false },
  coverageAnalysis: "perTest",
  mutate: ["src/domain/**/*.ts", "!src/domain/**/*.test.ts"],
  concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : 1,
  // A static mutant (in a module-level table: synonym lists, profiles, role labels) runs under every test of the
  // suite: they are left out by default, STRYKER_STATIC=1 tests them too (hours at concurrency 1).
  ignoreStatic: process.env.STRYKER_STATIC !== "1",
  reporters: ["clear-text", "html", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  incrementalFile: "reports/mutation/stryker-incremental.json",
  tempDirName: ".stryker-tmp",
  ignorePatterns: ["dist", "out", "coverage", "test-results", ".bench-build", "reports", "lib", ".certs", ".scratch"],
  timeoutMS: 10000,
  thresholds: { high: 85, low: 70, break: null },
};
