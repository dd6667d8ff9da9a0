#!/usr/bin/env node
/**
 * `npm run mutation`: StrykerJS over src/domain in seven groups (the rules, facts.ts, parse.ts, header.ts, layout.ts,
 * the layout file and reading, the rest), one Stryker run each with its own incremental file in reports/mutation/groups/, then
 * the score over all of src/domain from the groups' results. A run over everything takes hours on a small
 * machine: a group that finished keeps its results, so a cut run resumes at the group it was in, and a second
 * run retests only the mutants whose code or covering tests changed (Stryker's --incremental).
 *
 *   npm run mutation                      every group, then the score
 *   npm run mutation -- rules parse       those groups, then the score
 *   npm run mutation -- --score           only the score, from the results kept
 *   npm run mutation -- --quick [groups]  each group with its own modules' unit tests only (QUICK_TESTS below):
 *                                         several times faster, and its score a lower bound on the full one
 *   npm run mutation -- --mutate FILE     one Stryker run of its own (any Stryker option after the --)
 *
 * Stryker's score: (killed + timed out) ÷ (killed + timed out + survived + without coverage); mutants Stryker
 * ignores (module-level tables, see stryker.config.mjs) and those that do not compile are left out of it.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const GROUP_DIR = path.join(ROOT, "reports", "mutation", "groups");
const not = (glob) => `!${glob}`;
const GROUPS = {
  rules: ["src/domain/rules/*.ts", not("src/domain/rules/*.test.ts")],
  facts: ["src/domain/facts.ts"],
  parse: ["src/domain/parse.ts"],
  // Groups of about a thousand mutants at most: a group's results are kept only when its run ends.
  header: ["src/domain/header.ts"],
  layout: ["src/domain/layout.ts"],
  reading: ["src/domain/layout-file.ts", "src/domain/reading.ts"],
  rest: [
    "src/domain/*.ts",
    not("src/domain/*.test.ts"),
    ...["facts", "parse", "header", "layout", "layout-file", "reading"].map((m) => not(`src/domain/${m}.ts`)),
  ],
};

/**
 * --quick: the unit tests written for each group's modules. A mutant they kill, the full set kills too (it holds
 * them), so a quick score is a lower bound; a survivor may still be killed by the golden and variant tests.
 */
const RULE_TESTS = "src/domain/rules/*.test.ts";
const QUICK_TESTS = {
  rules: [RULE_TESTS],
  facts: [
    "test/unit/facts.test.ts",
    "test/unit/figure-labels.test.ts",
    "test/unit/engine.test.ts",
    "test/unit/finding-values.test.ts",
    RULE_TESTS,
  ],
  parse: ["test/unit/parse.test.ts"],
  header: ["test/unit/header.test.ts", "test/unit/header-reading.test.ts", "test/unit/engine.test.ts"],
  // layout.ts's own tests and the header tables it reads: each survivor runs a few hundred tests, not the rules'.
  layout: [
    "test/unit/sheet-reader.test.ts",
    "test/unit/layout-heading.test.ts",
    "test/unit/layout-budget-goals.test.ts",
    "test/unit/layout-indicators.test.ts",
    "test/unit/layout-pairs.test.ts",
    "test/unit/layout-reading.test.ts",
    "test/unit/header.test.ts",
    "test/unit/reading.test.ts",
  ],
  reading: ["test/unit/layout-file.test.ts", "test/unit/reading.test.ts", "test/unit/engine.test.ts"],
  rest: [
    ...[
      "grid",
      "plan",
      "precision",
      "profile",
      "print",
      "labels",
      "sheet-names",
      "merges-unknown",
      "engine",
      "evaluate",
    ].map((m) => `test/unit/${m}.test.ts`),
    RULE_TESTS,
  ],
};

/** Which tests a group's kept results were measured with: its own (--quick) or every domain test. */
const testsFile = (group) => path.join(GROUP_DIR, `${group}.tests.json`);

const stryker = (args, env = {}) =>
  spawnSync(process.execPath, [path.join(ROOT, "node_modules/@stryker-mutator/core/bin/stryker.js"), "run", ...args], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ...env },
  }).status ?? 1;

/** Counts by status over one group's incremental report (mutation-testing-report-schema). */
function countsOf(file) {
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  const rows = {};
  for (const [name, f] of Object.entries(report.files ?? {})) {
    const c = (rows[name] = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 });
    for (const m of f.mutants) c[m.status in c ? m.status : "other"]++;
  }
  return rows;
}

const score = (c) => {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  return valid === 0 ? null : (100 * detected) / valid;
};

function printScore() {
  const total = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 };
  const lines = [];
  const missing = [];
  const quick = [];
  for (const group of Object.keys(GROUPS)) {
    const file = path.join(GROUP_DIR, `${group}.json`);
    if (!fs.existsSync(file)) {
      missing.push(group);
      continue;
    }
    if (fs.existsSync(testsFile(group)) && JSON.parse(fs.readFileSync(testsFile(group), "utf8")).quick)
      quick.push(group);
    for (const [name, c] of Object.entries(countsOf(file))) {
      for (const k of Object.keys(total)) total[k] += c[k];
      lines.push([name, c]);
    }
  }
  const pad = (s, n) => String(s).padStart(n);
  console.log(
    `\n${"file".padEnd(40)} ${pad("score", 7)} ${pad("killed", 7)} ${pad("timeout", 7)} ${pad("survived", 8)} ${pad("no cov", 7)}`,
  );
  for (const [name, c] of lines.sort((a, b) => a[0].localeCompare(b[0], "en"))) {
    const s = score(c);
    console.log(
      `${name.padEnd(40)} ${pad(s === null ? "—" : `${s.toFixed(2)}%`, 7)} ${pad(c.Killed, 7)} ${pad(c.Timeout, 7)} ${pad(c.Survived, 8)} ${pad(c.NoCoverage, 7)}`,
    );
  }
  const s = score(total);
  if (missing.length) console.log(`\nNot yet run: ${missing.join(", ")} (npm run mutation -- ${missing.join(" ")})`);
  if (quick.length)
    console.log(
      `\nMeasured with their own unit tests only (--quick): ${quick.join(", ")}; the score is a lower bound.` +
        ` npm run mutation -- ${quick.join(" ")} measures them with every domain test.`,
    );
  console.log(
    `\nMutation score over ${missing.length ? "the groups run" : "src/domain"}: ${s === null ? "—" : `${s.toFixed(2)}%`}` +
      ` (${total.Killed + total.Timeout} of ${total.Killed + total.Timeout + total.Survived + total.NoCoverage} mutants detected)`,
  );
}

function main(argv) {
  if (argv.includes("--score")) return (printScore(), 0);
  const quick = argv.includes("--quick");
  if (quick) argv = argv.filter((a) => a !== "--quick");
  if (argv.some((a) => a.startsWith("-"))) return stryker(argv);
  const unknown = argv.filter((g) => !(g in GROUPS));
  if (unknown.length) {
    console.error(`Unknown group: ${unknown.join(", ")}. Groups: ${Object.keys(GROUPS).join(", ")}`);
    return 2;
  }
  fs.mkdirSync(GROUP_DIR, { recursive: true });
  for (const group of argv.length ? argv : Object.keys(GROUPS)) {
    console.log(`\n== mutation group ${group}: ${GROUPS[group].join(" ")}`);
    const status = stryker(
      [
        "--incremental",
        "--incrementalFile",
        path.relative(ROOT, path.join(GROUP_DIR, `${group}.json`)),
        "--reporters",
        "clear-text,progress-append-only",
        "--mutate",
        GROUPS[group].join(","),
      ],
      quick ? { MUTATION_TESTS: QUICK_TESTS[group].join(",") } : {},
    );
    if (status !== 0) return status;
    fs.writeFileSync(
      testsFile(group),
      JSON.stringify({ quick, tests: quick ? QUICK_TESTS[group] : "every domain test" }) + "\n",
    );
  }
  printScore();
  return 0;
}

process.exitCode = main(process.argv.slice(2));
