/**
 * Mutation runs only (jest.mutation.config.js, runner): jest's runner, which in a mutant's run leaves out the test
 * files after the one in which a test killed the mutant (environment.js writes the mark). Loading a test file costs
 * about 0.5 s here whatever it runs, so a mutant in code every check runs cost some 25 s even with the bodies of
 * later tests skipped; a killed mutant now costs its first failing file. Survivors still run every covering test.
 */
const TestRunner = require("jest-runner").default;
const { killedMark } = require("./names");

class MutationRunner extends TestRunner {
  async runTests(tests, watcher, options) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (!options.serial || mutant === undefined) return super.runTests(tests, watcher, options);
    for (const test of tests) {
      if (killedMark() === mutant) return;
      await super.runTests([test], watcher, options);
    }
  }
}

module.exports = MutationRunner;
