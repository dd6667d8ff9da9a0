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

/**
 * The module each mutant is in, from Stryker's instrumented sources in the sandbox (its mutants' ids appear in
 * stryMutAct_9fa48("id") and stryCov_9fa48("id", …) calls), read once per test runner process.
 */
let moduleOfMutant;
function moduleOf(mutant) {
  if (!moduleOfMutant) {
    moduleOfMutant = new Map();
    const walk = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
          const text = fs.readFileSync(full, "utf8");
          if (!text.includes("stryCov_9fa48")) continue;
          for (const call of text.matchAll(/stry(?:Cov|MutAct)_9fa48\(([^)]*)\)/g))
            for (const id of call[1].matchAll(/"(\d+)"/g)) moduleOfMutant.set(id[1], full);
        }
      }
    };
    try {
      walk(path.join(process.cwd(), "src"));
    } catch {
      // No sources to read: the order falls back to the ranks below.
    }
  }
  return moduleOfMutant.get(mutant);
}

/** A module's own test: text-copied.test.ts for rules/text-copied.ts, parse.test.ts for parse.ts. */
const stem = (file) => path.basename(file).split(".")[0];

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
    // The mutated module's own tests first, then the rules' tables, the unit tests and the rest: with
    // environment.js's bail, the first test to fail ends the mutant's run, and those are the likeliest to fail
    // first and the quickest.
    const module = moduleOf(process.env.__STRYKER_ACTIVE_MUTANT__);
    const own = module && stem(module);
    const rank = (t) =>
      own && stem(t.path) === own ? 0 : /^src\//.test(rel(t)) ? 1 : /^test\/unit\//.test(rel(t)) ? 2 : 3;
    return run
      .map((t, i) => ({ t, i, rank: rank(t) }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map((x) => x.t);
  }
}

module.exports = MutationSequencer;
