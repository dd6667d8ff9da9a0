#!/usr/bin/env node
/**
 * `npm run test:explore [-- <times>]`: the property tests with a fresh random seed, <times> rounds (default 1).
 * `npm test` always runs the fixed seed of test/helpers/seed.ts; this is where new counterexamples are looked for.
 * A failure prints its seed and counterexample: replay it with `FC_SEED=<seed> npx jest <file>` and pin it.
 */
const { spawnSync } = require("child_process");
const path = require("path");

const times = Number(process.argv[2] ?? 1);
const files = ["test/property", "test/unit/plan.property.test.ts", "test/integration/report-model.test.ts"];
const jest = path.join(__dirname, "..", "node_modules", "jest", "bin", "jest.js");
for (let k = 1; k <= times; k++) {
  console.log(`round ${k} of ${times}`);
  const run = spawnSync(process.execPath, [jest, ...files], {
    stdio: "inherit",
    env: { ...process.env, FC_SEED: "random" },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
