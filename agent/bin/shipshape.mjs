#!/usr/bin/env node
// Entry point of the `shipshape` CLI/agent. The sources are TypeScript, loaded through tsx.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
require("tsx/cjs");
const { main } = require("../src/cli.ts");
process.exit(await main(process.argv.slice(2)));
