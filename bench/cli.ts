// npm run bench:cli [-- --rounds N --sizes 1k,10k --formats json,sarif]
// `shipshape scan` end to end, as CI runs it: the real CLI (agent/bin/shipshape.mjs through tsx, and
// the esbuild bundle agent/dist/shipshape.cjs when `npm run build:agent` has built it) in its own
// process over the Helm corpus lists (1,000 and 10,000 objects), report to /dev/null. Prints wall time,
// CPU time (user + system, all threads: on a shared machine wall time mostly measures the neighbours)
// and peak RSS, reported by the CLI process itself on exit. Target: peak RSS ≤ 400 MB on 10k objects,
// for every format.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = path.resolve(__dirname, "..");
const CORPUS = path.resolve(ROOT, "../shared/corpus/manifests/helm-bench-10k");
const TARGET_RSS_MB = 400;
/** Loaded into the CLI process: writes its own resource usage to fd 3 when it exits. */
const REPORT_RESOURCES = `data:text/javascript,${encodeURIComponent(
  'import fs from "node:fs"; process.on("exit", () => fs.writeSync(3, JSON.stringify(process.resourceUsage())));',
)}`;

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  exitCode: number;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function runCli(binary: string, files: string[], format: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const devNull = fs.openSync("/dev/null", "w");
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", REPORT_RESOURCES, binary, "scan", ...files, "--format", format], {
      cwd: CORPUS,
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: ["ignore", devNull, "pipe", "pipe"],
    });
    let stderr = "";
    let usage = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdio[3]!.on("data", (d: Buffer) => (usage += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      fs.closeSync(devNull);
      const wallMs = performance.now() - started;
      // 0: no threshold crossed; 1: findings over a threshold (none is set here). Anything else failed.
      if ((code !== 0 && code !== 1) || !usage) return reject(new Error(`${path.basename(binary)} exited with ${code}:\n${stderr.slice(-2000)}`));
      const resources = JSON.parse(usage) as NodeJS.ResourceUsage;
      resolve({ wallMs, cpuMs: (resources.userCPUTime + resources.systemCPUTime) / 1000, maxRssMb: resources.maxRSS / 1024, exitCode: code });
    });
  });
}

async function main() {
  const rounds = Number(option("rounds", "1"));
  const sizes = option("sizes", "1k,10k").split(",");
  const formats = option("formats", "json,sarif").split(",");
  const binaries = [path.join(ROOT, "agent/bin/shipshape.mjs")];
  const bundle = path.join(ROOT, "agent/dist/shipshape.cjs");
  if (fs.existsSync(bundle)) binaries.push(bundle);
  else console.log("(agent/dist/shipshape.cjs not built: `npm run build:agent` adds the bundle to this bench)");

  console.log(`shipshape scan, Helm corpus, report to /dev/null, best of ${rounds} by CPU time`);
  console.log(`${"binary".padEnd(16)} ${"size".padEnd(5)} ${"format".padEnd(7)} ${"wall s".padStart(7)} ${"CPU s".padStart(7)} ${"peak RSS MB".padStart(12)}  target ≤ ${TARGET_RSS_MB} MB`);
  let missed = 0;
  for (const binary of binaries) {
    for (const size of sizes) {
      const files = fs.readFileSync(path.join(CORPUS, `bench-${size}.txt`), "utf8").split("\n").map((s) => s.trim()).filter(Boolean);
      for (const format of formats) {
        let best: Run | undefined;
        for (let r = 0; r < rounds; r++) {
          const run = await runCli(binary, files, format);
          if (!best || run.cpuMs < best.cpuMs) best = run;
        }
        const met = best!.maxRssMb <= TARGET_RSS_MB;
        if (!met) missed++;
        console.log(
          `${path.basename(binary).padEnd(16)} ${size.padEnd(5)} ${format.padEnd(7)} ${(best!.wallMs / 1000).toFixed(2).padStart(7)} ${(best!.cpuMs / 1000).toFixed(2).padStart(7)} ${best!.maxRssMb.toFixed(0).padStart(12)}  ${met ? "met" : "MISSED"}`,
        );
      }
    }
  }
  console.log(missed ? `peak RSS target MISSED in ${missed} run(s)` : `peak RSS target met in every run`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
