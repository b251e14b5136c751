#!/usr/bin/env node
// The `iamfit` CLI entry: TypeScript sources run through tsx, as in `npm start`.
const path = require("node:path");
process.chdir(path.resolve(__dirname, ".."));
require("../scripts/server-only-preload.cjs");
require("tsx/cjs");
process.env.IAMFIT_CLI_ENTRY = "1";
require("../lib/cli/main.ts");
