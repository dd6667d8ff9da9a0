#!/usr/bin/env node
/**
 * Run before `npm test`: the task pane's browser test drives Debian's Chromium (playwright-core downloads no
 * browser). Where it is missing and the machine has apt, it is installed the way .ci/run does, so that the README's
 * test command works on a fresh machine; elsewhere this only says what the browser test will need.
 */
"use strict";
const { existsSync } = require("node:fs");
const { spawnSync } = require("node:child_process");

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (existsSync(chromium)) process.exit(0);

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
if (process.platform !== "linux" || !has("apt-get")) {
  console.error(`ziping: Chromium not found at ${chromium}; the browser test needs it (set CHROMIUM_PATH).`);
  process.exit(0);
}

const root = typeof process.getuid === "function" && process.getuid() === 0;
const run = (args) =>
  spawnSync(root ? args[0] : "sudo", root ? args.slice(1) : ["-n", ...args], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  }).status === 0;

console.error("ziping: installing Chromium for the browser test (apt-get install chromium) …");
const ok = run(["apt-get", "update", "-qq"]) && run(["apt-get", "install", "-y", "-qq", "chromium"]);
if (!ok || !existsSync(chromium))
  console.error(
    'ziping: could not install Chromium; run "sudo apt-get install -y chromium" once, or set CHROMIUM_PATH. ' +
      "The browser test will fail until then.",
  );
