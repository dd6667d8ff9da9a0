/**
 * `npm run build:cli`: the command line bundled by esbuild into lib/cli/main.js, and the batch pool's worker into
 * lib/cli/check-worker.js (the pool forks it from beside itself). One file per process instead of some fifty modules
 * cuts a cold `ziping check` by about a fifth of its own time (resolving and compiling each module file is most of
 * a start). Packages stay outside the bundle (`packages: "external"`) and are required from node_modules as they
 * are; the writers, the report and the pool are required where they are needed (src/cli/check.ts, main.ts), so
 * esbuild keeps them in the bundle but runs their code, and loads exceljs, only when a command reaches them.
 * Types are checked by `npm run typecheck`, not here.
 */
/* global require, module, __dirname, process, console */
const path = require("path");

const ROOT = path.join(__dirname, "..");

/** Bundles the command into `outdir` (lib/cli by default); it must lie inside the project, so that the bundle's
 * `require("exceljs")` and the like find node_modules. */
function buildCli(outdir = path.join(ROOT, "lib", "cli")) {
  return require("esbuild").build({
    entryPoints: [path.join(ROOT, "src", "cli", "main.ts"), path.join(ROOT, "src", "cli", "check-worker.ts")],
    outdir,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

module.exports = { buildCli };

if (require.main === module)
  buildCli().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
