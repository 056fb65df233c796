// The agent image ships one file: the CLI bundled by scripts/build-agent.mjs. These tests build it
// into a folder with no node_modules and run it there (proving it needs nothing else), and hold the
// Dockerfile to its runtime contract (non-root numeric user, the bundle as entry point, heap limits).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = path.resolve(__dirname, "../../..");
let dir: string;
let bundle: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shipshape-bundle-"));
  bundle = path.join(dir, "shipshape.cjs");
  execFileSync(process.execPath, [path.join(REPO, "scripts/build-agent.mjs"), bundle], { cwd: REPO, stdio: "pipe" });
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("bundled agent", () => {
  it("runs from a folder without node_modules", () => {
    const version = spawnSync(process.execPath, [bundle, "--version"], { cwd: dir, encoding: "utf8" });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = spawnSync(process.execPath, [bundle, "--help"], { cwd: dir, encoding: "utf8" });
    for (const command of ["scan", "agent", "preflight", "node", "import"]) expect(help.stdout).toContain(command);
  });

  it("scans a manifest with the full control library and exits 1 over the threshold", () => {
    const manifest = path.join(dir, "pod.yaml");
    fs.writeFileSync(manifest, "apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: a }\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      securityContext: { privileged: true }\n");
    const run = spawnSync(process.execPath, [bundle, "scan", manifest, "--format", "json", "--fail-on", "high"], { cwd: dir, encoding: "utf8" });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.some((f: { controlId: string }) => f.controlId === "SS-0057")).toBe(true);
    expect(report.controls.length).toBeGreaterThan(200);
  });
});

describe("agent Dockerfile", () => {
  const dockerfile = fs.readFileSync(path.join(REPO, "agent/Dockerfile"), "utf8");
  it("ships only the bundle, as a numeric non-root user, with the heap limits bench:agent measures", () => {
    expect(dockerfile).toContain("node scripts/build-agent.mjs /out/shipshape.cjs");
    expect(dockerfile).toMatch(/ENTRYPOINT \["node", "\/opt\/shipshape\/shipshape\.cjs"\]/);
    expect(dockerfile).toMatch(/^USER 10001:10001$/m);
    expect(dockerfile).not.toMatch(/COPY --from=\w+ \S*node_modules/);
    const benchOptions = fs.readFileSync(path.join(REPO, "bench/agent.ts"), "utf8").match(/AGENT_NODE_OPTIONS = "([^"]+)"/)?.[1];
    expect(benchOptions).toBeDefined();
    expect(dockerfile).toContain(`NODE_OPTIONS="${benchOptions}"`);
  });
});
