// Preloaded into a command under test (node --require): at exit, writes the files of every CommonJS module the
// process loaded to the file named by ZIPING_LOADED_MODULES, as a JSON list, so that a test can tell which
// packages a command needed.
/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require("fs");

process.on("exit", () => {
  if (process.env.ZIPING_LOADED_MODULES)
    fs.writeFileSync(process.env.ZIPING_LOADED_MODULES, JSON.stringify(Object.keys(require.cache)));
});
