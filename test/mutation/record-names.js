/* global beforeEach, afterAll, expect */
/**
 * Mutation runs only (jest.mutation.config.js, setupFilesAfterEnv): during Stryker's initial test run, records the
 * full name of every test against its file in `.mutation-test-names.json` at the root (in Stryker's sandbox), so
 * that `sequencer.js` can leave out, in each mutant's run, the files that hold none of the tests covering it.
 * Jest loads every test file for a name pattern, which cost about 8 s per mutant here before any test ran.
 */
const fs = require("fs");
const path = require("path");
const { NAMES_FILE, dryRun } = require("./names");

const names = [];

beforeEach(() => {
  if (!dryRun()) return;
  const name = expect.getState().currentTestName;
  if (name) names.push(name);
});

afterAll(() => {
  if (!dryRun()) return;
  const file = path.join(process.cwd(), NAMES_FILE);
  let map = {};
  try {
    map = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    // The first file of the run starts the map.
  }
  map[path.relative(process.cwd(), expect.getState().testPath).split(path.sep).join("/")] = names;
  fs.writeFileSync(file, JSON.stringify(map));
});
