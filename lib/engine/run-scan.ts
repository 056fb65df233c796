// runScan: objects (+ node facts) → ScanReport. Pure and deterministic for a given `now`.
import { ALL_CONTROLS, LIBRARY_VERSION } from "../controls";
import { listFrameworks } from "../controls/frameworks";
import { buildContext } from "./build-context";
import { scoreFramework } from "./score-framework";
import { keepShape, keepShapesOf, SHAPE_WITNESS_OBJECTS } from "./shape-witness";
import { evaluateControl, evaluateControlInto, type FailureSink } from "./evaluate-control";
import { exceptionMatches, isActive, type ExceptionRule } from "./exceptions";
import { REPORT_SCHEMA_VERSION, type ReportControl, type ReportFinding, type ReportFramework, type ScanReport } from "./report";
import { computeControlScore, roundScore } from "./scoring";
import type { ScanSettings } from "./settings";
import type { ClusterFacts, Control, ControlStatus, EvalContext, FixPath, K8sObject, NodeInfo, ObjectRef, ResourceRef, Severity, SubjectRef, Violation } from "./types";

export const ENGINE_VERSION = "0.1.0";

export interface ScanInput {
  objects: readonly K8sObject[];
  nodes?: readonly NodeInfo[];
  settings?: Partial<ScanSettings>;
  exceptions?: readonly ExceptionRule[];
  cluster?: ClusterFacts;
  /** Framework ids to report (default: all). Controls outside them are still evaluated only if `controls` is not set. */
  frameworks?: string[];
  /** Restrict evaluation to these control ids. */
  controlIds?: string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  controls?: readonly Control<any>[];
  now?: Date;
}

const STATUSES: ControlStatus[] = ["passed", "failed", "skipped", "manual", "not_applicable", "excepted"];

// Findings without paths, fix paths or related objects share these (read-only) empty lists.
const NO_PATHS: string[] = Object.freeze([]) as unknown as string[];
const NO_FIX_PATHS: FixPath[] = Object.freeze([]) as unknown as FixPath[];
const NO_RELATED: ObjectRef[] = Object.freeze([]) as unknown as ObjectRef[];

/**
 * Shares the paths and fix paths of a scan's findings. They are built by template literals, which V8
 * keeps as trees of concatenation nodes, and 100k+ findings repeat a few thousand of them: interning
 * flattens each distinct one once and drops the trees (report of the 10k-object corpus: 59 -> 32 MB).
 * Messages are left as built: they repeat less, and flattening them cost more CPU (~3% of a scan)
 * than the 7 MB it saved.
 */
class FindingPool {
  private readonly strings = new Map<string, string>();
  // One lookup per finding on the common shapes: a single path, a single fix path.
  private readonly singlePaths = new Map<string, string[]>();
  private readonly fixPathsByPath = new Map<string, { path: string; byValue: Map<string, FixPath[]> }>();

  string(value: string): string {
    return this.known(value) ?? value;
  }

  /** The pooled copy of `value` when there is one; otherwise pools `value` and returns undefined. */
  known(value: string): string | undefined {
    const known = this.strings.get(value);
    if (known === undefined) this.strings.set(value, value);
    return known;
  }

  paths(paths: string[] | undefined): string[] {
    if (paths === undefined || paths === null) return NO_PATHS;
    if (!Array.isArray(paths)) return paths;
    if (paths.length === 0) return NO_PATHS;
    if (paths.length === 1) {
      let list = this.singlePaths.get(paths[0]);
      if (!list) {
        const path = this.string(paths[0]);
        this.singlePaths.set(path, (list = Object.freeze([path]) as unknown as string[]));
      }
      return list;
    }
    // A copy of exactly this length (the report keeps it), pooled in place: no map() with an arrow,
    // whose optimized code a full GC drops with the last call's closure.
    const pooled = paths.slice();
    for (let i = 0; i < pooled.length; i++) pooled[i] = this.string(pooled[i]);
    return pooled;
  }

  fixPaths(fixPaths: FixPath[] | undefined): FixPath[] {
    if (fixPaths === undefined || fixPaths === null) return NO_FIX_PATHS;
    if (!Array.isArray(fixPaths)) return fixPaths;
    if (fixPaths.length === 0) return NO_FIX_PATHS;
    if (fixPaths.length === 1) return this.singleFixPath(fixPaths[0]);
    const pooled = fixPaths.slice();
    for (let i = 0; i < pooled.length; i++) pooled[i] = this.singleFixPath(pooled[i])[0];
    return pooled;
  }

  private singleFixPath(fixPath: FixPath): FixPath[] {
    // Anything but strings is kept as the control wrote it.
    if (typeof fixPath?.path !== "string" || typeof fixPath.value !== "string") return [fixPath];
    let byPath = this.fixPathsByPath.get(fixPath.path);
    if (!byPath) {
      const path = this.string(fixPath.path);
      this.fixPathsByPath.set(path, (byPath = { path, byValue: new Map() }));
    }
    let list = byPath.byValue.get(fixPath.value);
    if (!list) {
      const value = this.string(fixPath.value);
      byPath.byValue.set(value, (list = Object.freeze([Object.freeze({ path: byPath.path, value })]) as unknown as FixPath[]));
    }
    return list;
  }
}

/**
 * One finding, always built with the same property order (the JSON report's) so every finding has
 * one hidden class; object refs and the control's remediation text are shared, not copied.
 */
function findingOf(
  pool: FindingPool,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  control: Control<any>,
  object: ObjectRef | undefined,
  subject: SubjectRef | undefined,
  v: Violation,
  message: string,
  exceptionId: string | undefined,
): ReportFinding {
  const paths = pool.paths(v.paths);
  const fixPaths = pool.fixPaths(v.fixPaths);
  const fix = v.fix === undefined || v.fix === null ? control.remediation : pool.string(v.fix);
  const related = v.related ?? NO_RELATED;
  let finding: ReportFinding;
  if (object && subject) {
    finding = { controlId: control.id, severity: control.severity, object, subject, message, paths, fixPaths, fix, related };
  } else if (object) {
    finding = { controlId: control.id, severity: control.severity, object, message, paths, fixPaths, fix, related };
  } else if (subject) {
    finding = { controlId: control.id, severity: control.severity, subject, message, paths, fixPaths, fix, related };
  } else {
    finding = { controlId: control.id, severity: control.severity, message, paths, fixPaths, fix, related };
  }
  if (exceptionId !== undefined) finding.exceptionId = exceptionId;
  return finding;
}

/** What every control's findings share in one scan. */
interface FindingContext {
  readonly ctx: EvalContext;
  readonly pool: FindingPool;
  readonly findings: ReportFinding[];
  readonly exceptions: readonly ExceptionRule[];
  readonly clusterName: string | undefined;
}

// A control's messages are pooled while at least this share of them repeats (decided after a sample).
const MESSAGE_SAMPLE = 64;
const MESSAGE_REPEAT_RATE = 0.9;

/** A resource whose key may fail again: where its findings end, and the findings of later failures under its key. */
interface RepeatableFailure {
  readonly resource: ResourceRef;
  readonly exceptionId: string | undefined;
  readonly end: number;
  more: ReportFinding[] | undefined;
}

function byEnd(a: RepeatableFailure, b: RepeatableFailure): number {
  return a.end - b.end;
}

/** One control's failed resources turned into findings as they arrive, with exceptions applied. */
class ControlFindings implements FailureSink {
  failed = 0;
  excepted = 0;
  /** Id of the rule that excepted each excepted resource, in order. */
  readonly applied: string[] = [];
  private messagesSeen = 0;
  private messagesRepeated = 0;
  // Resources that got findings from a later failure under their key, in the order of that failure.
  private readonly regrouped: RepeatableFailure[] = [];

  constructor(
    private readonly scan: FindingContext,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    private readonly control: Control<any>,
  ) {}

  add(resource: ResourceRef, _key: string, violations: Violation[]): void {
    this.push(resource, this.count(resource), violations, this.scan.findings);
  }

  addRepeatable(resource: ResourceRef, _key: string, violations: Violation[]): RepeatableFailure {
    const exceptionId = this.count(resource);
    this.push(resource, exceptionId, violations, this.scan.findings);
    return { resource, exceptionId, end: this.scan.findings.length, more: undefined };
  }

  addAgain(handle: unknown, violations: Violation[]): void {
    const failure = handle as RepeatableFailure;
    if (!failure.more) this.regrouped.push(failure);
    this.push(failure.resource, failure.exceptionId, violations, (failure.more ??= []));
  }

  /**
   * Puts the findings of later failures right after those of the resource whose key they share, as if
   * they had been one target's violations. Call once the control's targets are done.
   */
  finish(): void {
    const regrouped = this.regrouped;
    if (regrouped.length === 0) return;
    regrouped.sort(byEnd);
    const findings = this.scan.findings;
    const from = regrouped[0].end;
    const rest = findings.slice(from);
    findings.length = from;
    let next = 0;
    for (const failure of regrouped) {
      for (; from + next < failure.end; next++) findings.push(rest[next]);
      for (const finding of failure.more!) findings.push(finding);
    }
    for (; next < rest.length; next++) findings.push(rest[next]);
  }

  /** Counts a failed resource as failed or excepted; returns the id of the exception rule that matched it. */
  private count(resource: ResourceRef): string | undefined {
    const { scan, control } = this;
    let rule: ExceptionRule | undefined;
    if (scan.exceptions.length) {
      const ref = resource.object;
      const object = ref ? scan.ctx.index.get(ref.kind, ref.namespace, ref.name) : undefined;
      rule = scan.exceptions.find((e) => exceptionMatches(e, control.id, resource, { clusterName: scan.clusterName, object }));
    }
    if (rule) {
      this.excepted++;
      this.applied.push(rule.id);
    } else this.failed++;
    return rule?.id;
  }

  private push(resource: ResourceRef, exceptionId: string | undefined, violations: Violation[], into: ReportFinding[]): void {
    const { scan, control } = this;
    const { object, subject } = resource;
    for (let i = 0; i < violations.length; i++) {
      const v = violations[i];
      into.push(findingOf(scan.pool, control, object, subject, v, this.message(v.message), exceptionId));
    }
  }

  /**
   * Messages are pooled while they repeat: a pod-heavy snapshot repeats a few thousand messages over
   * 100k+ findings (kwok: 19k distinct in 368k), which then neither survive the young generation one by one
   * nor stay in the report. Pooling costs a hash and a comparison of the message: for a control whose
   * messages name their object (most on a chart corpus) that costs more CPU than it saves, so it stops.
   */
  private message(value: string): string {
    if (this.messagesSeen >= MESSAGE_SAMPLE && this.messagesRepeated < this.messagesSeen * MESSAGE_REPEAT_RATE) return value;
    this.messagesSeen++;
    const known = this.scan.pool.known(value);
    if (known === undefined) return value;
    this.messagesRepeated++;
    return known;
  }
}

/** Evaluates one control, appending its findings to the scan's, and returns its report entry. */
function evaluateInto(
  scan: FindingContext,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  control: Control<any>,
  errors: ScanReport["errors"],
  exceptionsApplied: Record<string, number>,
): ReportControl {
  const { ctx, findings } = scan;
  const start = findings.length;
  let sink = new ControlFindings(scan, control);
  keepShape(sink);
  let evaluation = evaluateControlInto(control, ctx, sink);
  if (!evaluation) {
    // A resource failed again after its findings were written: evaluate again, collecting everything first.
    findings.length = start;
    sink = new ControlFindings(scan, control);
    evaluation = evaluateControl(control, ctx);
  }
  sink.finish();
  for (const result of evaluation.results) sink.add(result.resource, result.key, result.violations);
  for (const message of evaluation.errors) errors.push({ controlId: control.id, message });
  for (const id of sink.applied) exceptionsApplied[id] = (exceptionsApplied[id] ?? 0) + 1;
  const passed = evaluation.passed;
  const { failed, excepted } = sink;
  let status = evaluation.status;
  if (status === "failed" && failed === 0) status = "excepted";
  const counts = { passed, failed, excepted, total: passed + failed + excepted };
  return {
    id: control.id,
    name: control.name,
    severity: control.severity,
    category: control.category,
    needs: control.needs,
    refs: control.refs,
    status,
    counts,
    score: roundScore(computeControlScore(counts)),
    ...(evaluation.reason ? { reason: evaluation.reason } : {}),
  };
}

/** One evaluated control and its findings, in report order. */
export interface ControlResult {
  control: ReportControl;
  findings: ReportFinding[];
}

/** The report, built in full. */
export function runScan(input: ScanInput): ScanReport {
  // Nobody reads the per-control findings here: they are not copied out of the report's list.
  const scan = scanControls(input, false);
  let next = scan.next();
  while (!next.done) next = scan.next();
  return next.value;
}

/**
 * runScan one control at a time: yields each control with its findings as soon as it is evaluated
 * (a consumer can store them while the next ones are evaluated) and returns runScan's report.
 */
export function scanIncrementally(input: ScanInput): Generator<ControlResult, ScanReport, void> {
  return scanControls(input, true);
}

const NO_FINDINGS: ReportFinding[] = Object.freeze([]) as unknown as ReportFinding[];

// The shape witness (see shape-witness.ts): scanned and kept when a process starts its second scan, so a
// one-shot run (the CLI) does not pay for it.
let scansStarted = 0;
// Never read: holding it is the point.
let shapeWitness: unknown[] | undefined;

function keepShapeWitness(): void {
  shapeWitness = keepShapesOf(() => runScan({ objects: SHAPE_WITNESS_OBJECTS, now: new Date(0) }));
}

function* scanControls(input: ScanInput, yieldFindings: boolean): Generator<ControlResult, ScanReport, void> {
  if (++scansStarted === 2 && shapeWitness === undefined) keepShapeWitness();
  const now = input.now ?? new Date();
  const ctx = buildContext(input);
  keepShape(ctx);
  const exceptions = (input.exceptions ?? []).filter((e) => isActive(e, now));
  const frameworks = listFrameworks().filter((f) => !input.frameworks?.length || input.frameworks.includes(f.id));
  let library = input.controls ?? ALL_CONTROLS;
  if (input.controlIds?.length) library = library.filter((c) => input.controlIds!.includes(c.id));
  else {
    // Without an explicit control list, evaluate what the reported frameworks contain: a control a
    // framework excludes (e.g. one superseded by a newer benchmark item) is only run when asked for.
    const wanted = new Set<string>();
    for (const f of frameworks) for (const e of f.entries) wanted.add(e.controlId);
    const selected: typeof library[number][] = [];
    for (const c of library) if (wanted.has(c.id)) selected.push(c);
    library = selected;
  }

  const controls: ReportControl[] = [];
  const findings: ReportFinding[] = [];
  const pool = new FindingPool();
  const errors: ScanReport["errors"] = [];
  const exceptionsApplied: Record<string, number> = {};

  const scan: FindingContext = { ctx, pool, findings, exceptions, clusterName: input.cluster?.name };
  for (const control of library) {
    const start = findings.length;
    const reportControl = evaluateInto(scan, control, errors, exceptionsApplied);
    controls.push(reportControl);
    yield { control: reportControl, findings: yieldFindings ? findings.slice(start) : NO_FINDINGS };
  }

  const byId = new Map<string, ReportControl>();
  for (const c of controls) byId.set(c.id, c);
  const reportFrameworks: ReportFramework[] = frameworks.map((f) => scoreFramework(f, byId).report);

  const statusCounts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ControlStatus, number>;
  const failedBySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const c of controls) {
    statusCounts[c.status]++;
    if (c.status === "failed") failedBySeverity[c.severity]++;
  }

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    engineVersion: ENGINE_VERSION,
    libraryVersion: LIBRARY_VERSION,
    generatedAt: now.toISOString(),
    ...(input.cluster ? { cluster: { name: input.cluster.name, provider: input.cluster.provider, kubernetesVersion: input.cluster.kubernetesVersion } } : {}),
    summary: {
      objects: ctx.index.all.length,
      nodes: ctx.nodes.length,
      controls: statusCounts,
      failedBySeverity,
      findings: findings.length,
      exceptionsApplied,
    },
    frameworks: reportFrameworks,
    controls,
    findings,
    errors,
  };
}
