// Bundles the shipshape CLI/agent into one self-contained file (agent/dist/shipshape.cjs) with
// esbuild: no tsx, no node_modules at run time. The agent image ships only this file; its memory
// stays low because nothing is transpiled at start.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, "agent/dist/shipshape.cjs");

await build({
  entryPoints: [path.join(root, "agent/src/entry.ts")],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile,
  legalComments: "linked",
  logLevel: "warning",
  banner: { js: "#!/usr/bin/env node" },
});
console.log(`built ${path.relative(process.cwd(), outfile)}`);
