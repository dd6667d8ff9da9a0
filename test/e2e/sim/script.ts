/**
 * The text served in place of office.js: ./excel-sim.ts with office-addin-mock, bundled by webpack into one
 * classic script that installs the simulation with a given configuration. Bundled once per process (in about
 * a second), into a temporary folder that is removed at once.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";
import type { SimConfig } from "./excel-sim";

/** The address taskpane.html loads office.js from; the browser test answers it with the simulation. */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The global the bundle defines; the served script calls its installExcelSim. */
const LIBRARY = "ZipingExcelSim";

let bundled: Promise<string> | null = null;

function bundleSim(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-sim-"));
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: ["web", "es2020"],
    entry: path.join(__dirname, "excel-sim.ts"),
    output: { path: out, filename: "sim.js", library: { name: LIBRARY, type: "var" } },
    resolve: {
      extensions: [".ts", ".js"],
      // office-addin-mock needs only its OfficeApp enum (see TOOLCHAIN: the real module is Node-only).
      alias: { "office-addin-manifest$": path.join(__dirname, "..", "..", "helpers", "office-addin-manifest-stub.js") },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } },
        },
      ],
    },
    performance: { hints: false },
  });
  return new Promise<string>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      try {
        if (err) throw err;
        if (!stats || stats.hasErrors()) throw new Error(stats?.toString({ all: false, errors: true }) ?? "no stats");
        resolve(fs.readFileSync(path.join(out, "sim.js"), "utf8"));
      } catch (e) {
        reject(e as Error);
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    }),
  );
}

export const defaultSimConfig = (workbook: SimConfig["workbook"]): SimConfig => ({
  workbook,
  host: "Excel",
  apiVersion: "1.18",
  displayLanguage: "zh-CN",
  syncDelayMs: 5,
  persistKey: "ziping-e2e-workbook",
});

/** office.js for one page: the simulation, installed at once with `config` (JSON, so nothing runs from it). */
export async function simScript(config: SimConfig): Promise<string> {
  bundled ??= bundleSim();
  // "</script" cannot occur in a served script, but JSON with it would still be valid; escape "<" anyway.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `${await bundled}\n${LIBRARY}.installExcelSim(${json});\n`;
}
