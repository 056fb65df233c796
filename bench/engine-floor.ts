// npm run bench:engine-floor [-- --rounds 8]
// What the bench:engine ratio (evaluation ÷ JSON.parse) is made of, on the same 10k Helm corpus: the
// full evaluation beside the least that any evaluation producing the same report must do, each timed
// against JSON.parse of the objects in the same process (best of N rounds, full GC between rounds):
//   walk:      read every value of every object once (a generic recursive walk, nothing built);
//   findings:  build the report's findings and nothing else: one object per finding with the shared
//              object or subject ref and pooled paths the engine uses, and a fresh message string per finding
//              (two substrings joined, as a control's template literal builds one);
//   per-object controls: the evaluate calls of every control that judges objects of its kinds one by
//              one (no custom targets, no node or cloud data), results discarded: the controls' own
//              logic, without the engine's bookkeeping or any finding; then the same calls again on the same
//              scan context, when what the controls build once per scan (views, indexes, memoized
//              verdicts) is already there: the difference is what building those costs;
//   evaluation: runScan, as bench:engine times it.
// The first three are not alternatives to the engine: they bound from below what it can cost.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { spawnSync } from "node:child_process";
import { ALL_CONTROLS } from "../lib/controls";
import { buildContext } from "../lib/engine/build-context";
import type { ReportFinding } from "../lib/engine/report";
import { runScan } from "../lib/engine/run-scan";
import type { EvalContext, K8sObject } from "../lib/engine/types";

const CORPUS = path.resolve(__dirname, "../../shared/corpus/manifests/helm-bench-10k");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** Visits every value once; returns how many it saw (so the walk cannot be optimized away). */
function walk(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 1;
    for (let i = 0; i < value.length; i++) n += walk(value[i]);
    return n;
  }
  if (value !== null && typeof value === "object") {
    let n = 1;
    for (const key in value) n += walk((value as Record<string, unknown>)[key]);
    return n;
  }
  return 1;
}

/** The findings of `template` built again: fresh objects and messages, shared refs and paths. */
function buildFindings(template: readonly ReportFinding[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < template.length; i++) {
    const f = template[i];
    const half = f.message.length >> 1;
    out.push({
      controlId: f.controlId,
      severity: f.severity,
      object: f.object,
      subject: f.subject,
      message: f.message.slice(0, half) + f.message.slice(half),
      paths: f.paths,
      fixPaths: f.fixPaths,
      fix: f.fix,
      related: f.related,
    });
  }
  return out;
}

const perObjectControls = ALL_CONTROLS.filter(
  (c) =>
    !c.manual &&
    c.targets === undefined &&
    c.evaluate !== undefined &&
    (c.kinds?.length ?? 0) > 0 &&
    !c.kinds!.includes("NodeInfo") &&
    !c.needs.includes("node") &&
    !c.needs.includes("cloud"),
);

/** Every per-object control's evaluate over its targets; returns the number of violations (discarded). */
function evaluatePerObjectControls(ctx: EvalContext): number {
  let violations = 0;
  for (const control of perObjectControls) {
    const evaluate = control.evaluate!;
    for (const kind of control.kinds!) {
      const targets = ctx.index.evaluationTargets(kind).objects;
      for (let i = 0; i < targets.length; i++) violations += evaluate(targets[i], ctx)?.length ?? 0;
    }
  }
  return violations;
}

function scanOnce(serialized: string): { objectCount: number; template: ReportFinding[] } {
  const objects = JSON.parse(serialized) as K8sObject[];
  return { objectCount: objects.length, template: runScan({ objects }).findings };
}

function measure(file: string, rounds: number) {
  const serialized = fs.readFileSync(file, "utf8");
  const gc = (globalThis as { gc?: () => void }).gc!;
  const best = { parse: Infinity, walk: Infinity, findings: Infinity, controls: Infinity, controlsAgain: Infinity, evaluation: Infinity };
  const time = (key: keyof typeof best, run: () => unknown) => {
    const t0 = performance.now();
    const result = run();
    best[key] = Math.min(best[key], performance.now() - t0);
    return result;
  };
  // The findings to rebuild come from one scan whose objects are then released.
  const { objectCount, template } = scanOnce(serialized);
  let values = 0;
  let violations = 0;
  for (let r = 0; r < rounds; r++) {
    gc();
    const objects = time("parse", () => JSON.parse(serialized)) as K8sObject[];
    values = time("walk", () => objects.reduce((n, o) => n + walk(o), 0)) as number;
    time("findings", () => buildFindings(template));
    gc();
    const ctx = buildContext({ objects });
    violations = time("controls", () => evaluatePerObjectControls(ctx)) as number;
    time("controlsAgain", () => evaluatePerObjectControls(ctx));
    gc();
    const fresh = JSON.parse(serialized);
    time("evaluation", () => runScan({ objects: fresh }));
  }
  return { objects: objectCount, values, findings: template.length, perObjectControls: perObjectControls.length, violations, best };
}

const mode = process.argv[2];
if (mode === "--measure") {
  process.stdout.write(JSON.stringify(measure(process.argv[3], Number(process.argv[4]))));
} else {
  if (!fs.existsSync(CORPUS)) {
    console.error(`corpus not found at ${CORPUS}`);
    process.exit(2);
  }
  const rounds = Number(arg("rounds", "8"));
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shipshape-floor-")), "10k.json");
  const child = (args: string[]) => {
    const run = spawnSync(process.execPath, [...process.execArgv, "--expose-gc", __filename, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (run.status !== 0) throw new Error(`bench child failed: ${run.stderr}`);
    return run.stdout;
  };
  // The engine bench's prepare step writes the parsed corpus as JSON.
  const prepare = spawnSync(process.execPath, [...process.execArgv, path.join(__dirname, "engine.ts"), "--prepare", "10k", json], { encoding: "utf8" });
  if (prepare.status !== 0) throw new Error(`prepare failed: ${prepare.stderr}`);
  const result = JSON.parse(child(["--measure", json, String(rounds)]));
  fs.rmSync(path.dirname(json), { recursive: true, force: true });
  const { best } = result;
  const row = (label: string, ms: number) => console.log(`${label.padEnd(60)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / best.parse).toFixed(2).padStart(5)}× JSON.parse`);
  console.log(`corpus: ${CORPUS}`);
  console.log(
    `${result.objects} objects, ${result.values} values; ${result.findings} findings (the per-object controls return ${result.violations} violations); best of ${rounds} rounds (full GC between steps)`,
  );
  row("JSON.parse", best.parse);
  row("walk: read every value once", best.walk);
  row(`findings: build the report's ${result.findings} findings only`, best.findings);
  row(`per-object controls (${result.perObjectControls}): evaluate calls only`, best.controls);
  row("  the same again on the same scan (per-scan caches built)", best.controlsAgain);
  row("evaluation: runScan (bench:engine's figure)", best.evaluation);
}
