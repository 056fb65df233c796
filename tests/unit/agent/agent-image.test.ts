// The agent image is built from the CLI's import closure (agent/deploy/image/agent-files.mjs): these
// tests hold that closure to the repository — every import resolves, every package it loads is a
// runtime dependency, every file is inside what the Dockerfile copies — and check the Dockerfile's
// runtime contract (non-root numeric user, read-only-root friendly, the agent command).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { agentPackageJson, collectAgentFiles, packageNameOf, specifiersOf } from "@/agent/deploy/image/agent-files.mjs";

const REPO = path.resolve(__dirname, "../../..");
const rootPackage = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
const dockerfile = fs.readFileSync(path.join(REPO, "agent/Dockerfile"), "utf8");
const dockerignore = fs.readFileSync(path.join(REPO, "agent/Dockerfile.dockerignore"), "utf8");

describe("agent image contents", () => {
  const result = collectAgentFiles(REPO);

  it("resolves every import reachable from the CLI", () => {
    expect(result.problems).toEqual([]);
    for (const file of ["agent/bin/shipshape.mjs", "agent/src/cli.ts", "agent/src/commands/agent.ts", "agent/src/commands/node.ts", "lib/snapshot/normalize.ts", "lib/engine/run-scan.ts"]) {
      expect(result.files).toContain(file);
    }
  });

  it("loads only runtime dependencies of the repository (never the backend's)", () => {
    const pkg = agentPackageJson(rootPackage, result.packages);
    expect(Object.keys(pkg.dependencies)).toEqual(result.packages);
    expect(result.packages).toContain("tsx");
    for (const backendOnly of ["next", "react", "@prisma/client", "pg", "next-auth"]) expect(result.packages).not.toContain(backendOnly);
    expect(() => agentPackageJson({ dependencies: {} }, ["left-pad"])).toThrow(/not runtime dependencies/);
  });

  it("reaches no server-only code and nothing the image's build context leaves out", () => {
    for (const file of result.files) {
      expect(file, file).toMatch(/^(agent|lib)\//);
      expect(file, file).not.toMatch(/^lib\/(server|db|auth|generated|queries)\//);
      expect(file, file).not.toMatch(/^agent\/deploy\/(helm|manifests)\//);
    }
    expect(dockerignore).toMatch(/^!agent\/$/m);
    expect(dockerignore).toMatch(/^!lib\/$/m);
    expect(dockerignore).toMatch(/^lib\/generated\/$/m);
  });

  it("reads imports the way the runtime loads them", () => {
    const found = specifiersOf(
      [
        'import type { Log } from "sarif";',
        'import { a,\n  b } from "./multi-line";',
        'import * as fs from "node:fs";',
        'export { x } from "../re-export";',
        'import "./side-effect";',
        'const m = require("tsx/cjs");',
        'const lazy = await import("@scope/pkg/sub");',
      ].join("\n"),
    );
    expect(found).toEqual([
      { specifier: "sarif", typeOnly: true },
      { specifier: "./multi-line", typeOnly: false },
      { specifier: "node:fs", typeOnly: false },
      { specifier: "../re-export", typeOnly: false },
      { specifier: "./side-effect", typeOnly: false },
      { specifier: "tsx/cjs", typeOnly: false },
      { specifier: "@scope/pkg/sub", typeOnly: false },
    ]);
    expect(packageNameOf("@scope/pkg/sub")).toBe("@scope/pkg");
    expect(packageNameOf("tsx/cjs")).toBe("tsx");
  });
});

describe("agent/Dockerfile", () => {
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1];

  it("is multi-stage and builds the image from the computed closure", () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toContain("node agent/deploy/image/agent-files.mjs --root /src --out /out");
    expect(dockerfile).toMatch(/npm install --omit=dev --ignore-scripts/);
  });

  it("runs the agent as a numeric non-root user, read-only-root friendly", () => {
    const user = runtime.match(/^USER (\d+):(\d+)$/m);
    expect(user).not.toBeNull();
    expect(Number(user![1])).toBeGreaterThan(0);
    expect(runtime).toMatch(/TSX_DISABLE_CACHE=1/);
    expect(runtime).toContain('ENTRYPOINT ["node", "agent/bin/shipshape.mjs"]');
    expect(runtime).toContain('CMD ["agent", "--in-cluster"]');
    // npm is not shipped in the runtime image.
    expect(runtime).toMatch(/rm -rf \/usr\/local\/lib\/node_modules\/npm/);
  });
});
