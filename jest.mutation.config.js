/**
 * Jest for the mutation run (npm run mutation): only the fast tests that exercise src/domain, because Stryker runs
 * the tests covering a mutant once per mutant. Left to the normal `npm test`: the browser and Office-mock suites,
 * the command line and the xlsx gateway, the report, and the two large fast-check suites
 * (test/property/fixture-mutations and generated-grids: about 90 s between them, with fixed run counts).
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testPathIgnorePatterns: [
    "/node_modules/",
    "/test/e2e/",
    "/test/unit/(office|taskpane|manifest|cli|report)[-.]",
    "/test/property/(fixture-mutations|generated-grids)\\.",
    "/test/integration/(?!(golden|variants)\\.test\\.ts$)",
  ],
};
