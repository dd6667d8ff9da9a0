/**
 * Shared by the mutation run's helpers (record-names, sequencer, environment, runner): where the map of test names
 * lives, whether this is Stryker's initial run, and the mark of a killed mutant (a file per Stryker worker, since
 * test files share no globals, holding the id of the mutant it belongs to).
 */
const fs = require("fs");
const path = require("path");

const NAMES_FILE = ".mutation-test-names.json";
/** Stryker's initial run has no active mutant; outside Stryker (no worker id) nothing is recorded either. */
const dryRun = () =>
  process.env.STRYKER_MUTATOR_WORKER !== undefined && process.env.__STRYKER_ACTIVE_MUTANT__ === undefined;

const markFile = () => path.join(process.cwd(), `.mutation-killed-${process.env.STRYKER_MUTATOR_WORKER ?? "0"}`);
/** The id of the last mutant a test killed in this worker, or undefined. */
const killedMark = () => {
  try {
    return fs.readFileSync(markFile(), "utf8");
  } catch {
    return undefined;
  }
};
const markKilled = (mutant) => fs.writeFileSync(markFile(), mutant);

module.exports = { NAMES_FILE, dryRun, killedMark, markKilled };
