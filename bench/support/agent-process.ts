// The agent side of bench:agent: the bundled CLI (scripts/build-agent.mjs, as the image ships it)
// run as `shipshape agent --once` in its own process with the image's NODE_OPTIONS. Its JSON log
// lines (collected, pushed, resources) carry the figures.
import { spawn } from "node:child_process";

export interface AgentRun {
  objects: number;
  collectMs: number;
  push: { bytes: number; missing: number; chunks: number };
  maxRssMb: number;
  pushMs: number;
}

export function runBundledAgent(bundle: string, args: string[], nodeOptions: string): Promise<AgentRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...nodeOptions.split(/\s+/).filter(Boolean), bundle, "agent", "--once", ...args], {
      env: { ...process.env, NODE_OPTIONS: "", SHIPSHAPE_REPORT_RESOURCES: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => {
      const lines = stderr.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
      const collected = lines.find((l) => l.msg === "collected");
      const pushed = lines.find((l) => l.msg === "pushed");
      const resources = lines.find((l) => l.msg === "resources");
      if (code !== 0 || !collected || !pushed || !resources) return reject(new Error(`agent exited with ${code}:\n${stderr}`));
      resolve({
        objects: collected.objects,
        collectMs: collected.ms,
        push: { bytes: pushed.bytes, missing: pushed.missing, chunks: pushed.chunks },
        maxRssMb: resources.maxRssMb,
        pushMs: Date.now() - started - collected.ms,
      });
    });
  });
}
