// Evaluates one control over a scan context: target selection, owner de-duplication, status.
import { objectKey, refOf } from "./object-index";
import { keepShape } from "./shape-witness";
import type { Control, ControlStatus, EvalContext, EvalTarget, ResourceRef, Violation } from "./types";

export interface TargetResult {
  resource: ResourceRef;
  /** Stable key of the resource, used for counting and exceptions. */
  key: string;
  violations: Violation[];
}

export interface ControlEvaluation {
  status: ControlStatus;
  /** Resources that failed, each with its violations. */
  results: TargetResult[];
  /** Number of evaluated resources that passed. */
  passed: number;
  /** Why the control was skipped or could not finish, when it was. */
  reason?: string;
  errors: string[];
}

// Custom targets are often shared by many controls (RBAC subjects, bindings): their keys are built once.
const targetKeys = new WeakMap<ResourceRef, string>();

function targetKey(resource: ResourceRef): string {
  let key = targetKeys.get(resource);
  if (key === undefined) targetKeys.set(resource, (key = resourceKey(resource)));
  return key;
}

/** A resource's identity for counting: objects by group/kind/namespace/name, subjects by kind/namespace/name. */
export function resourceKey(resource: ResourceRef): string {
  if (resource.subject) {
    const s = resource.subject;
    return `subject/${s.kind}/${s.namespace ?? ""}/${s.name}`;
  }
  if (resource.object) return objectKey(resource.object);
  return "cluster";
}

const CLOUD_KINDS = new Set(["ClusterDescribe", "CloudProviderInfo", "DescribeRepositories", "ListEntitiesForPolicies"]);

export function hasCloudData(ctx: EvalContext): boolean {
  return ctx.cache("hasCloudData", () => ctx.index.kindsPresent().some((k) => CLOUD_KINDS.has(k)));
}

/**
 * Receives a control's failed resources as they are found (runScan turns their violations into findings
 * at once, so the violations die young instead of surviving until the control is done).
 */
export interface FailureSink {
  /** A failed resource, with every violation it will have: no later target of the control adds to it. */
  add(resource: ResourceRef, key: string, violations: Violation[]): void;
  /**
   * A failed resource whose key a later target may fail under again (objects that share kind, namespace
   * and name): returns the handle `addAgain` takes to append that target's violations to this resource.
   */
  addRepeatable(resource: ResourceRef, key: string, violations: Violation[]): unknown;
  /** More violations of a resource `addRepeatable` got: they belong after its own, and it is counted once. */
  addAgain(handle: unknown, violations: Violation[]): void;
}

// Marks, in the key map, a resource already handed to the sink.
const STREAMED: TargetResult = Object.freeze({ resource: {}, key: "", violations: [] });

/**
 * A control's failed resources in first-failure order, each resource once with all its violations.
 * Objects of one kind have distinct keys except for repeats (same group, kind, namespace and name: a
 * chart corpus renders many), so the key map is only built once a key may repeat from anywhere:
 * custom targets, blamed resources. Until then failures go to the sink, when there is one (repeated
 * keys through `addRepeatable`/`addAgain`, which keep their violations together); once the map exists
 * they are collected in `results` (after everything streamed, so the order is the same).
 */
class FailedResources {
  readonly results: TargetResult[] = [];
  /** Keys handed to the sink. */
  private streamed: string[] | undefined;
  /** Set when a resource handed to the sink fails again (a blamed violation): the sink's output is then incomplete. */
  conflict = false;
  private byKey: Map<string, TargetResult> | undefined;
  // Repeatable keys handed to the sink, with the sink's handle for each.
  private repeats: Map<string, unknown> | undefined;
  // Entries keep the control's own violations array until a second target lands on the same key.
  private copied: Set<TargetResult> | undefined;

  constructor(private readonly sink: FailureSink | undefined) {}

  get count(): number {
    return this.results.length + (this.streamed?.length ?? 0);
  }

  /** A resource whose key no earlier target of this control had (one object of the index). */
  addDistinct(resource: ResourceRef, key: string, violations: Violation[]): void {
    if (this.byKey) this.add(resource, key, violations);
    else if (this.sink) {
      (this.streamed ??= []).push(key);
      this.sink.add(resource, key, violations);
    } else this.results.push({ resource, key, violations });
  }

  /** A resource of the index whose key another object of its kind shares. */
  addRepeating(resource: ResourceRef, key: string, violations: Violation[]): void {
    const sink = this.sink;
    if (this.byKey || !sink) {
      this.add(resource, key, violations);
      return;
    }
    const repeats = (this.repeats ??= new Map());
    const handle = repeats.get(key);
    if (handle !== undefined) sink.addAgain(handle, violations);
    else {
      (this.streamed ??= []).push(key);
      repeats.set(key, sink.addRepeatable(resource, key, violations));
    }
  }

  add(resource: ResourceRef, key: string, violations: Violation[]): void {
    const byKey = this.keyed();
    const entry = byKey.get(key);
    if (entry === STREAMED) this.conflict = true;
    else if (entry) this.append(entry, violations);
    else {
      const result: TargetResult = { resource, key, violations };
      this.results.push(result);
      byKey.set(key, result);
    }
  }

  /** Cluster-wide controls may blame another resource than the target they evaluated. */
  addBlamed(resource: ResourceRef, key: string, violations: Violation[]): void {
    for (const violation of violations) {
      if (violation.resource) this.add(violation.resource, resourceKey(violation.resource), [violation]);
      else this.add(resource, key, [violation]);
    }
  }

  has(key: string): boolean {
    return this.keyed().has(key);
  }

  private keyed(): Map<string, TargetResult> {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const key of this.streamed ?? []) this.byKey.set(key, STREAMED);
      for (const result of this.results) this.byKey.set(result.key, result);
    }
    return this.byKey;
  }

  private append(entry: TargetResult, more: Violation[]): void {
    if (!this.copied) this.copied = new Set();
    if (!this.copied.has(entry)) {
      entry.violations = [...entry.violations];
      this.copied.add(entry);
    }
    for (const v of more) entry.violations.push(v);
  }
}

function blamesOther(violations: Violation[]): boolean {
  for (let i = 0; i < violations.length; i++) if (violations[i].resource) return true;
  return false;
}

/**
 * Evaluates one control. Hot path: a passing target costs one evaluate call and a counter; refs and
 * keys are only built for failures.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function evaluateControl(control: Control<any>, ctx: EvalContext): ControlEvaluation {
  return evaluate(control, ctx, undefined).evaluation;
}

/**
 * evaluateControl, handing failed resources to `sink` as they are found; `results` then holds only the
 * ones the sink did not get, which come after them. Undefined when a resource the sink got failed again
 * later (a blamed violation): the sink's output is then incomplete, and the caller evaluates again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function evaluateControlInto(control: Control<any>, ctx: EvalContext, sink: FailureSink): ControlEvaluation | undefined {
  const { evaluation, conflict } = evaluate(control, ctx, sink);
  return conflict ? undefined : evaluation;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function evaluate(control: Control<any>, ctx: EvalContext, sink: FailureSink | undefined): { evaluation: ControlEvaluation; conflict: boolean } {
  if (control.manual) return { evaluation: { status: "manual", results: [], passed: 0, errors: [] }, conflict: false };
  if (control.needs.includes("node") && ctx.nodes.length === 0) {
    const reason = "no node facts (run the agent's node mode)";
    return { evaluation: { status: "skipped", results: [], passed: 0, errors: [], reason }, conflict: false };
  }
  if (control.needs.includes("cloud") && !hasCloudData(ctx)) {
    return { evaluation: { status: "skipped", results: [], passed: 0, errors: [], reason: "no cloud provider data" }, conflict: false };
  }
  const failed = new FailedResources(sink);
  keepShape(failed);
  const errors: string[] = [];
  let evaluated = 0;
  let passed = 0;
  // Loaded once per control: controls have many shapes, and a load per target is a megamorphic lookup.
  const evaluateTarget = control.evaluate!;

  if (control.targets !== undefined) {
    const passedKeys: string[] = [];
    const all = control.targets(ctx) as Iterable<EvalTarget<unknown>>;
    // Targets are arrays but for a few generators: index them, no iterator protocol per target.
    const list = Array.isArray(all) ? (all as readonly EvalTarget<unknown>[]) : [...all];
    for (let i = 0; i < list.length; i++) {
      const target = list[i];
      let violations: Violation[] | null;
      try {
        violations = evaluateTarget(target.value, ctx);
      } catch (error) {
        errors.push(`${resourceKey(target.resource)}: ${(error as Error).message}`);
        continue;
      }
      if (violations === null) continue;
      evaluated++;
      if (violations.length === 0) passedKeys.push(targetKey(target.resource));
      else if (blamesOther(violations)) failed.addBlamed(target.resource, targetKey(target.resource), violations);
      else failed.add(target.resource, targetKey(target.resource), violations);
    }
    // Custom targets may repeat a resource (or blame one that also passed elsewhere): count it once, failed wins.
    const counted = new Set<string>();
    for (const key of passedKeys) if (!failed.has(key)) counted.add(key);
    passed = counted.size;
  } else {
    for (const kind of control.kinds ?? []) {
      if (kind === "NodeInfo") {
        // Node facts live beside the index, not in it, so they get no shared ref.
        for (const node of ctx.nodes) {
          let violations: Violation[] | null;
          try {
            violations = evaluateTarget(node, ctx);
          } catch (error) {
            errors.push(`${resourceKey({ object: refOf(node) })}: ${(error as Error).message}`);
            continue;
          }
          if (violations === null) continue;
          evaluated++;
          if (violations.length === 0) passed++;
          else {
            const resource = { object: refOf(node) };
            if (blamesOther(violations)) failed.addBlamed(resource, resourceKey(resource), violations);
            else failed.add(resource, resourceKey(resource), violations);
          }
        }
        continue;
      }
      // Owned pod-bearing objects are judged on their owner.
      const targets = ctx.index.evaluationTargets(kind);
      const objects = targets.objects;
      for (let i = 0; i < objects.length; i++) {
        let violations: Violation[] | null;
        try {
          violations = evaluateTarget(objects[i], ctx);
        } catch (error) {
          errors.push(`${resourceKey({ object: refOf(objects[i]) })}: ${(error as Error).message}`);
          continue;
        }
        if (violations === null) continue;
        evaluated++;
        if (violations.length === 0) passed++;
        else if (blamesOther(violations)) failed.addBlamed(targets.resourceAt(i), targets.keyAt(i), violations);
        else if (targets.keyRepeats(i)) failed.addRepeating(targets.resourceAt(i), targets.keyAt(i), violations);
        // Keys never repeat across kinds (the kind is part of the key).
        else failed.addDistinct(targets.resourceAt(i), targets.keyAt(i), violations);
      }
    }
  }
  let status: ControlStatus;
  if (evaluated === 0 && failed.count === 0) status = errors.length ? "skipped" : "not_applicable";
  else status = failed.count > 0 ? "failed" : "passed";
  const evaluation: ControlEvaluation = { status, results: failed.results, passed, errors };
  if (errors.length && evaluated === 0) evaluation.reason = "evaluation errors";
  return { evaluation, conflict: failed.conflict };
}
