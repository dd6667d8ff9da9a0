/**
 * Mutation runs only (jest.mutation.config.js, testEnvironment): jest's node environment, with a bail of our own.
 * Stryker's jest runner cannot bail (it turns jest's bail off), so a mutant that its first test kills still ran
 * every other test covering it. Once a test has failed under the active mutant, the mutant is marked killed
 * (names.js): each later test of that run fails at once without running its body, and runner.js loads no further
 * test file. A mutant's result is "killed" either way; only the time changes.
 */
const { TestEnvironment } = require("jest-environment-node");
const { killedMark, markKilled } = require("./names");

class MutationEnvironment extends TestEnvironment {
  async handleTestEvent(event, state) {
    if (super.handleTestEvent) await super.handleTestEvent(event, state);
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined) return;
    if (event.name === "test_start" && this.killed(mutant)) {
      event.test.fn = () => {
        throw new Error(`mutant ${mutant} already killed by an earlier test`);
      };
    } else if (event.name === "test_done" && event.test.errors.length > 0 && !this.killed(mutant)) {
      markKilled(mutant);
      this.mark = mutant;
    }
  }

  killed(mutant) {
    if (this.mark !== mutant) this.mark = killedMark();
    return this.mark === mutant;
  }
}

module.exports = MutationEnvironment;
