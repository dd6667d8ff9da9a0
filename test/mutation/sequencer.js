/**
 * Mutation runs only (jest.mutation.config.js, testSequencer): when Stryker names the tests that cover a mutant
 * (jest's testNamePattern), only the files that hold one of them are run, from the names record-names.js kept in
 * the initial run. A file missing from that map is always run, and a pattern that matches no recorded name runs
 * every file, so a stale map can only cost time, never a test: a mutant is never reported surviving for want of
 * its tests. Outside Stryker this is jest's own sequencer.
 * (`__STRYKER_ACTIVE_MUTANT__` is set by Stryker's jest runner for each mutant's run, in the process that runs jest.)
 */
const fs = require("fs");
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;
const { NAMES_FILE } = require("./names");

const rel = (test) => path.relative(process.cwd(), test.path).split(path.sep).join("/");

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    if (!this.pattern || process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) return sorted;
    let map;
    try {
      map = JSON.parse(fs.readFileSync(path.join(process.cwd(), NAMES_FILE), "utf8"));
    } catch {
      return sorted;
    }
    const re = new RegExp(this.pattern, "i");
    const holds = new Set(
      Object.entries(map)
        .filter(([, names]) => names.some((n) => re.test(n)))
        .map(([file]) => file),
    );
    const run = holds.size === 0 ? sorted : sorted.filter((t) => !(rel(t) in map) || holds.has(rel(t)));
    // The rules' own tests first, then the unit tests, then the rest: with environment.js's bail, the first test
    // to fail ends the mutant's run early, and a rule's table is the likeliest to fail first and the quickest.
    return run
      .map((t, i) => ({ t, i, rank: /^src\//.test(rel(t)) ? 0 : /^test\/unit\//.test(rel(t)) ? 1 : 2 }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map((x) => x.t);
  }
}

module.exports = MutationSequencer;
