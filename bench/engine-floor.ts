// npm run bench:engine-floor [-- --rounds 8] [--by-control 15]
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
//   every control on API objects: the evaluate calls of every control runScan runs on this corpus
//              (per-object kinds and custom targets: RBAC subjects, namespaces, services), in library
//              order on freshly parsed objects, results discarded: the whole library's own logic, with
//              none of the engine's bookkeeping and no finding built;
//   evaluation: runScan, as bench:engine times it.
// --by-control N adds, per control, its evaluate calls in library order on fresh objects and again on
// the same context: the N controls that build the most for the scan, and the N with the most own logic.
// The first four are not alternatives to the engine: they bound from below what it can cost.
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

/** Every control runScan evaluates that can run on API objects alone (node and cloud controls are skipped there). */
const apiControls = ALL_CONTROLS.filter((c) => !c.manual && c.evaluate !== undefined && !c.needs.includes("node") && !c.needs.includes("cloud"));

/** Those that judge objects of their kinds one by one (no custom targets, no node facts). */
const perObjectControls = apiControls.filter((c) => c.targets === undefined && (c.kinds?.length ?? 0) > 0 && !c.kinds!.includes("NodeInfo"));

/**
 * The evaluate calls of `controls` over their targets, in library order (per-object kinds or custom
 * targets); returns the number of violations (discarded): the controls' own logic, with nothing of the
 * engine's bookkeeping and no finding built.
 */
function evaluateControls(controls: readonly (typeof ALL_CONTROLS)[number][], ctx: EvalContext): number {
  let violations = 0;
  for (const control of controls) violations += evaluateOne(control, ctx);
  return violations;
}

/** One control's evaluate over its targets (custom targets or objects of its kinds); returns the number of violations. */
function evaluateOne(control: (typeof ALL_CONTROLS)[number], ctx: EvalContext): number {
  const evaluate = control.evaluate!;
  let violations = 0;
  if (control.targets !== undefined) {
    for (const target of control.targets(ctx)) violations += evaluate(target.value, ctx)?.length ?? 0;
    return violations;
  }
  for (const kind of control.kinds ?? []) {
    if (kind === "NodeInfo") continue;
    const targets = ctx.index.evaluationTargets(kind).objects;
    for (let i = 0; i < targets.length; i++) violations += evaluate(targets[i], ctx)?.length ?? 0;
  }
  return violations;
}

/**
 * Per control, on freshly parsed objects: its evaluate calls in library order (paying for whatever it
 * is the first to build for the scan: views, indexes, memoized verdicts shared with later controls),
 * then all of them again on the same context (its own logic alone). Medians of the rounds after the first.
 */
function measureByControl(file: string, rounds: number) {
  const serialized = fs.readFileSync(file, "utf8");
  const gc = (globalThis as { gc?: () => void }).gc!;
  const first = new Map<string, number[]>();
  const again = new Map<string, number[]>();
  const timeEach = (ctx: EvalContext, into: Map<string, number[]>, keep: boolean) => {
    for (const control of apiControls) {
      const t0 = performance.now();
      evaluateOne(control, ctx);
      const ms = performance.now() - t0;
      if (keep) (into.get(control.id) ?? into.set(control.id, []).get(control.id)!).push(ms);
    }
  };
  for (let r = 0; r < rounds; r++) {
    gc();
    const objects = JSON.parse(serialized) as K8sObject[];
    gc();
    const ctx = buildContext({ objects });
    timeEach(ctx, first, r > 0);
    timeEach(ctx, again, r > 0);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  return apiControls.map((c) => ({ id: c.id, name: c.name, first: median(first.get(c.id)!), again: median(again.get(c.id)!) }));
}

function scanOnce(serialized: string): { objectCount: number; template: ReportFinding[] } {
  const objects = JSON.parse(serialized) as K8sObject[];
  return { objectCount: objects.length, template: runScan({ objects }).findings };
}

function measure(file: string, rounds: number) {
  const serialized = fs.readFileSync(file, "utf8");
  const gc = (globalThis as { gc?: () => void }).gc!;
  const best = { parse: Infinity, walk: Infinity, findings: Infinity, controls: Infinity, controlsAgain: Infinity, library: Infinity, evaluation: Infinity };
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
  let allViolations = 0;
  for (let r = 0; r < rounds; r++) {
    gc();
    const objects = time("parse", () => JSON.parse(serialized)) as K8sObject[];
    values = time("walk", () => objects.reduce((n, o) => n + walk(o), 0)) as number;
    time("findings", () => buildFindings(template));
    gc();
    const ctx = buildContext({ objects });
    violations = time("controls", () => evaluateControls(perObjectControls, ctx)) as number;
    time("controlsAgain", () => evaluateControls(perObjectControls, ctx));
    gc();
    const again = JSON.parse(serialized) as K8sObject[];
    gc();
    const libraryCtx = buildContext({ objects: again });
    allViolations = time("library", () => evaluateControls(apiControls, libraryCtx)) as number;
    gc();
    const fresh = JSON.parse(serialized);
    time("evaluation", () => runScan({ objects: fresh }));
  }
  return { objects: objectCount, values, findings: template.length, perObjectControls: perObjectControls.length, violations, apiControls: apiControls.length, allViolations, best };
}

const mode = process.argv[2];
if (mode === "--measure") {
  process.stdout.write(JSON.stringify(measure(process.argv[3], Number(process.argv[4]))));
} else if (mode === "--measure-controls") {
  process.stdout.write(JSON.stringify(measureByControl(process.argv[3], Number(process.argv[4]))));
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
  const top = Number(arg("by-control", "0"));
  const byControl: { id: string; name: string; first: number; again: number }[] = top > 0 ? JSON.parse(child(["--measure-controls", json, String(rounds)])) : [];
  fs.rmSync(path.dirname(json), { recursive: true, force: true });
  const { best } = result;
  const row = (label: string, ms: number) => console.log(`${label.padEnd(60)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / best.parse).toFixed(2).padStart(5)}× JSON.parse`);
  console.log(`corpus: ${CORPUS}`);
  console.log(
    `${result.objects} objects, ${result.values} values; ${result.findings} findings (the per-object controls return ${result.violations} violations, all controls ${result.allViolations}); best of ${rounds} rounds (full GC between steps)`,
  );
  row("JSON.parse", best.parse);
  row("walk: read every value once", best.walk);
  row(`findings: build the report's ${result.findings} findings only`, best.findings);
  row(`per-object controls (${result.perObjectControls}): evaluate calls only`, best.controls);
  row("  the same again on the same scan (per-scan caches built)", best.controlsAgain);
  row(`every control on API objects (${result.apiControls}): evaluate calls only`, best.library);
  row("evaluation: runScan (bench:engine's figure)", best.evaluation);
  if (byControl.length) {
    const sum = (key: "first" | "again") => byControl.reduce((total, c) => total + c[key], 0);
    console.log(
      `\nper control (median of rounds 2-${rounds}; ms and × JSON.parse): all ${byControl.length} in library order ${sum("first").toFixed(0)} ms, again on the same context ${sum("again").toFixed(0)} ms`,
    );
    const table = (title: string, order: (c: (typeof byControl)[number]) => number) => {
      console.log(title);
      for (const c of [...byControl].sort((a, b) => order(b) - order(a)).slice(0, top)) {
        const cells = [c.first, c.again, c.first - c.again].map((ms) => `${ms.toFixed(1).padStart(6)} (${(ms / best.parse).toFixed(2)})`);
        console.log(`  ${c.id.padEnd(8)} ${cells.join("  ")}  ${c.name}`);
      }
    };
    console.log("  columns: first in library order, again on the same context, difference (what it builds for the scan)");
    table("most built for the scan (first - again):", (c) => c.first - c.again);
    table("most own logic (again):", (c) => c.again);
  }
}
