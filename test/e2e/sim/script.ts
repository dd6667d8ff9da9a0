/**
 * The text served in place of office.js: ./excel-sim.ts compiled by TypeScript into a classic script that
 * installs the simulation with a given configuration. Compiled once per process.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { SimConfig } from "./excel-sim";

/** The address taskpane.html loads office.js from; the browser test answers it with the simulation. */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let compiled: string | null = null;

function compiledSim(): string {
  if (compiled !== null) return compiled;
  const source = fs.readFileSync(path.join(__dirname, "excel-sim.ts"), "utf8");
  const out = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, strict: true },
    reportDiagnostics: true,
    fileName: "excel-sim.ts",
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) throw new Error(ts.formatDiagnostics(errors, ts.createCompilerHost({})));
  compiled = out.outputText;
  return compiled;
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
export function simScript(config: SimConfig): string {
  // "</script" cannot occur in a served script, but JSON with it would still be valid; escape "<" anyway.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `(function () {\n"use strict";\nvar exports = {};\n${compiledSim()}\nexports.installExcelSim(${json});\n})();\n`;
}
