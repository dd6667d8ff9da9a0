/**
 * A module of the command line loaded when first needed (the writers pull in exceljs, 206 ms of a cold start), by
 * CommonJS `require` rather than `import()`: the command runs compiled, under tsx's CommonJS hooks (bin/ziping.js)
 * and under ts-jest, and only `require` resolves a TypeScript source by its extensionless path in all three.
 * The path is relative to src/cli (or lib/cli).
 */
/* global require, __dirname */
import * as nodePath from "path";

export function lazy<T>(relative: string): T {
  return require(nodePath.join(__dirname, relative)) as T;
}
