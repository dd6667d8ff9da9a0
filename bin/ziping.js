#!/usr/bin/env node
// The `ziping` command: runs the compiled CLI (npm run build:cli, into lib/) when it is newer than the sources,
// otherwise the TypeScript sources through tsx, so a stale build is never run.
const path = require("path");
const fs = require("fs");
const root = path.join(__dirname, "..");
const built = path.join(root, "lib", "cli", "main.js");

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return latest;
}

const sources = ["domain", "cli", "gateways/xlsx", "report"].map((d) => path.join(root, "src", d));
// ZIPING_FROM_SOURCE=1 runs the sources whatever lib/ holds (the tests run the command as a fresh clone does).
const fresh =
  process.env.ZIPING_FROM_SOURCE !== "1" &&
  fs.existsSync(built) &&
  fs.statSync(built).mtimeMs >= Math.max(...sources.map(newest));
if (fresh) {
  require(built);
} else {
  require("tsx/cjs");
  require(path.join(root, "src", "cli", "main.ts"));
}
