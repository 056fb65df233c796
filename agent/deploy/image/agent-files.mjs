#!/usr/bin/env node
// What the agent image needs, computed from the code rather than listed by hand: starting at the
// CLI's entry points, follows every import (relative, `@/` alias, require, dynamic import) through
// the repository's TypeScript sources and collects (1) the files reached and (2) the npm packages
// they load at run time. Type-only imports load nothing at run time and are not followed to packages.
//
//   node agent/deploy/image/agent-files.mjs [--root <repo>] [--out <dir>]
//
// Without --out it prints the result as JSON. With --out it copies the files under <dir>, and writes
// <dir>/package.json holding only those packages (version ranges from the repository's package.json;
// the repository's package-lock.json then pins exact versions when it is installed next to it).
// Plain JavaScript on purpose: it runs in the image build before any dependency is installed.
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

export const ENTRY_POINTS = ["agent/bin/shipshape.mjs", "agent/src/cli.ts"];
const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".mjs", ".js", ".cjs", ".json"];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Each module specifier a source file loads, with whether only types are imported. */
export function specifiersOf(source) {
  const found = [];
  const patterns = [
    // import x from "y"; import { a } from "y"; export { a } from "y"; import type … from "y"
    /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[\w*\s{},$]*?)\s*from\s*["']([^"']+)["']/g,
    // side-effect import "y"
    /(?:^|[\n;])\s*import\s*["']([^"']+)["']/g,
    // require("y"), import("y")
    /\b(?:require|import)\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const match of source.matchAll(patterns[0])) found.push({ specifier: match[3], typeOnly: !!match[2] });
  for (const match of source.matchAll(patterns[1])) found.push({ specifier: match[1], typeOnly: false });
  for (const match of source.matchAll(patterns[2])) found.push({ specifier: match[1], typeOnly: false });
  return found;
}

export function packageNameOf(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function resolveFile(base) {
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  // `./x.js` written for ESM resolution may name a `.ts` source.
  if (/\.(m|c)?js$/.test(base)) candidates.push(base.replace(/\.(m|c)?js$/, ".ts"));
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

/**
 * Walks the import graph from the entry points. Returns repository-relative files, the packages
 * loaded at run time, and problems (imports that resolve to nothing).
 */
export function collectAgentFiles(root, entries = ENTRY_POINTS) {
  const files = new Set();
  const packages = new Set();
  const problems = [];
  const queue = entries.map((e) => path.resolve(root, e));
  while (queue.length) {
    const file = queue.pop();
    const relative = path.relative(root, file);
    if (files.has(relative)) continue;
    files.add(relative);
    if (file.endsWith(".json")) continue;
    for (const { specifier, typeOnly } of specifiersOf(fs.readFileSync(file, "utf8"))) {
      if (BUILTINS.has(specifier)) continue;
      const local = specifier.startsWith(".") ? path.resolve(path.dirname(file), specifier) : specifier.startsWith("@/") ? path.resolve(root, specifier.slice(2)) : undefined;
      if (local) {
        const target = resolveFile(local);
        if (target) queue.push(target);
        else problems.push(`${relative}: cannot resolve ${specifier}`);
      } else if (!typeOnly) {
        packages.add(packageNameOf(specifier));
      }
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort(), problems };
}

/** The image's package.json: the repository's, reduced to the packages the agent loads. */
export function agentPackageJson(rootPackage, packages) {
  const missing = packages.filter((p) => !rootPackage.dependencies?.[p]);
  if (missing.length) throw new Error(`the agent loads packages that are not runtime dependencies of the repository: ${missing.join(", ")}`);
  return {
    name: "shipshape-agent",
    version: rootPackage.version,
    private: true,
    license: rootPackage.license,
    dependencies: Object.fromEntries(packages.map((p) => [p, rootPackage.dependencies[p]])),
  };
}

function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = path.resolve(arg("--root") ?? ".");
  const out = arg("--out");
  const result = collectAgentFiles(root);
  if (result.problems.length) {
    process.stderr.write(`agent-files: ${result.problems.join("\n")}\n`);
    return 1;
  }
  const rootPackage = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const packageJson = agentPackageJson(rootPackage, result.packages);
  if (!out) {
    process.stdout.write(`${JSON.stringify({ ...result, packageJson }, null, 2)}\n`);
    return 0;
  }
  for (const file of result.files) {
    fs.mkdirSync(path.join(out, path.dirname(file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(out, file));
  }
  fs.writeFileSync(path.join(out, "package.json"), `${JSON.stringify(packageJson, null, 2)}\n`);
  process.stderr.write(`agent-files: ${result.files.length} files, packages: ${result.packages.join(" ")}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) process.exit(main(process.argv.slice(2)));
