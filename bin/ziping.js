#!/usr/bin/env node
// The `ziping` command: runs the compiled CLI when built (npm run build:cli), otherwise the TypeScript source through tsx.
const path = require("path");
const fs = require("fs");
const built = path.join(__dirname, "..", "dist", "cli", "main.js");
if (fs.existsSync(built)) {
  require(built);
} else {
  require("tsx/cjs");
  require(path.join(__dirname, "..", "src", "cli", "main.ts"));
}
