/**
 * Jest for the mutation run (npm run mutation): only the fast tests that exercise src/domain, because Stryker runs
 * the tests covering a mutant once per mutant. Left to the normal `npm test`: the browser and Office-mock suites,
 * the command line and the xlsx gateway, the report, and the two large fast-check suites
 * (test/property/fixture-mutations and generated-grids: about 90 s between them, with fixed run counts).
 * MUTATION_TESTS narrows the run to some test files (comma-separated paths) for a quick loop on one module:
 * MUTATION_TESTS=test/unit/parse.test.ts npm run mutation -- --mutate src/domain/parse.ts
 */
const base = require("./jest.config.js");

const only = (process.env.MUTATION_TESTS ?? "").split(",").filter((p) => p.trim() !== "");

module.exports = {
  ...base,
  ...(only.length ? { testMatch: only.map((p) => `<rootDir>/${p.trim()}`) } : {}),
  testPathIgnorePatterns: [
    "/node_modules/",
    "/test/e2e/",
    // The pane's jsdom tests report no coverage to Stryker's node environment.
    "\\.test\\.tsx$",
    "/test/unit/(office|taskpane|manifest|cli|report)[-.]",
    "/test/property/(fixture-mutations|generated-grids)\\.",
    "/test/integration/(?!(golden|variants)\\.test\\.ts$)",
  ],
};
