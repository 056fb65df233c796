// npm run bench:controls [-- --corpus helm|kwok --area <dir> --top 40 --rounds 3]
// Per-control cost on a 10,000-object corpus: where the engine's evaluation time goes, control by
// control and area by area. CPU time (process.cpuUsage) is reported beside wall time: on a shared
// machine the CPU figure is the one to compare between runs. The index is built once per round.
//   --corpus helm: ../shared/corpus/manifests/helm-bench-10k (the bench:engine corpus, parsed from YAML)
//   --corpus kwok: the first 10,000 objects of the recorded kwok cluster (pod-heavy: ~9,700 Pods)
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ALL_CONTROLS } from "../lib/controls";
import { buildContext } from "../lib/engine/build-context";
import { evaluateControl } from "../lib/engine/evaluate-control";
import { runScan } from "../lib/engine/run-scan";
import type { K8sObject } from "../lib/engine/types";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const CORPUS_NAME = arg("corpus", "helm");
const AREA = arg("area", "");
const TOP = Number(arg("top", "40"));
const ROUNDS = Number(arg("rounds", "3"));

async function loadCorpus(): Promise<K8sObject[]> {
  if (CORPUS_NAME === "kwok") {
    const { loadKwokObjects } = await import("../tests/support/kwok-dump");
    return loadKwokObjects().slice(0, 10_000) as unknown as K8sObject[];
  }
  const dir = path.resolve(__dirname, "../../shared/corpus/manifests/helm-bench-10k");
  const { parseManifestText } = await import("../agent/src/scan/load-manifests");
  const list = fs.readFileSync(path.join(dir, "bench-10k.txt"), "utf8").split("\n").map((s) => s.trim()).filter(Boolean);
  const loaded = { objects: [], files: [], warnings: [], errors: [] } as Parameters<typeof parseManifestText>[2];
  for (const f of list) parseManifestText(fs.readFileSync(path.join(dir, f), "utf8"), f, loaded);
  return loaded.objects.map((o) => o.object as K8sObject);
}

/** Which area folder a control lives in, from its source file. */
function areaOf(id: string): string {
  for (const area of fs.readdirSync(path.resolve(__dirname, "../lib/controls"))) {
    const dir = path.resolve(__dirname, "../lib/controls", area);
    if (!fs.statSync(dir).isDirectory()) continue;
    if (fs.readdirSync(dir).some((f) => f.toLowerCase().startsWith(id.toLowerCase() + "-"))) return area;
  }
  return "(shared)";
}

async function main() {
  const objects = await loadCorpus();
  const serialized = JSON.stringify(objects);
  const controls = ALL_CONTROLS.filter((c) => !AREA || areaOf(c.id) === AREA);
  // Warm-up: two full scans, so every control is compiled before it is timed.
  for (let i = 0; i < 2; i++) runScan({ objects: JSON.parse(serialized) });
  const wall = new Map<string, number>();
  const cpu = new Map<string, number>();
  const findings = new Map<string, number>();
  let contextMs = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const copy = JSON.parse(serialized) as K8sObject[];
    const t0 = performance.now();
    const ctx = buildContext({ objects: copy });
    contextMs += performance.now() - t0;
    for (const control of controls) {
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      const evaluation = evaluateControl(control, ctx);
      wall.set(control.id, (wall.get(control.id) ?? 0) + performance.now() - w0);
      const used = process.cpuUsage(c0);
      cpu.set(control.id, (cpu.get(control.id) ?? 0) + (used.user + used.system) / 1000);
      findings.set(control.id, evaluation.results.reduce((n, x) => n + x.violations.length, 0));
    }
  }
  const rows = controls.map((c) => ({ id: c.id, name: c.name, area: areaOf(c.id), wall: wall.get(c.id)! / ROUNDS, cpu: cpu.get(c.id)! / ROUNDS, findings: findings.get(c.id)! }));
  rows.sort((a, b) => b.cpu - a.cpu);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(`corpus ${CORPUS_NAME}: ${objects.length} objects; ${controls.length} controls${AREA ? ` in ${AREA}` : ""}; mean of ${ROUNDS} rounds`);
  console.log(`index (buildContext): ${(contextMs / ROUNDS).toFixed(1)} ms; controls: wall ${sum(rows.map((r) => r.wall)).toFixed(1)} ms, CPU ${sum(rows.map((r) => r.cpu)).toFixed(1)} ms, findings ${sum(rows.map((r) => r.findings))}`);
  const areas = new Map<string, { wall: number; cpu: number; n: number }>();
  for (const r of rows) {
    const a = areas.get(r.area) ?? { wall: 0, cpu: 0, n: 0 };
    a.wall += r.wall;
    a.cpu += r.cpu;
    a.n++;
    areas.set(r.area, a);
  }
  console.log("by area (CPU ms / controls): " + [...areas].sort((a, b) => b[1].cpu - a[1].cpu).map(([k, v]) => `${k} ${v.cpu.toFixed(1)}/${v.n}`).join(", "));
  console.log("control   CPU ms  wall ms  findings  area / name");
  for (const r of rows.slice(0, TOP)) {
    console.log(`${r.id.padEnd(8)} ${r.cpu.toFixed(2).padStart(7)} ${r.wall.toFixed(2).padStart(8)} ${String(r.findings).padStart(9)}  ${r.area} / ${r.name.slice(0, 60)}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
