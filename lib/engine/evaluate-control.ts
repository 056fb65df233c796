// Evaluates one control over a scan context: target selection, owner de-duplication, status.
import { objectKey, refOf } from "./object-index";
import type { Control, ControlStatus, EvalContext, EvalTarget, K8sObject, ResourceRef, Violation } from "./types";

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
 * Evaluates one control. Hot path: a passing target costs one evaluate call and a counter; refs and
 * keys are only built for failures.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function evaluateControl(control: Control<any>, ctx: EvalContext): ControlEvaluation {
  if (control.manual) return { status: "manual", results: [], passed: 0, errors: [] };
  if (control.needs.includes("node") && ctx.nodes.length === 0) {
    return { status: "skipped", results: [], passed: 0, errors: [], reason: "no node facts (run the agent's node mode)" };
  }
  if (control.needs.includes("cloud") && !hasCloudData(ctx)) {
    return { status: "skipped", results: [], passed: 0, errors: [], reason: "no cloud provider data" };
  }
  const failedByKey = new Map<string, TargetResult>();
  const errors: string[] = [];
  let evaluated = 0;
  let passedTargets = 0;
  const passedKeys: string[] = [];
  const custom = control.targets !== undefined;

  // Entries keep the control's own violations array until a second target lands on the same key.
  const merged = new Set<TargetResult>();
  const record = (violations: Violation[], resource: ResourceRef, ownKey: string) => {
    for (let i = 0; i < violations.length; i++) {
      // Cluster-wide controls may blame another resource than the target they evaluated.
      if (violations[i].resource) {
        recordEach(violations, resource, ownKey);
        return;
      }
    }
    const entry = failedByKey.get(ownKey);
    if (!entry) failedByKey.set(ownKey, { resource, key: ownKey, violations });
    else append(entry, violations);
  };
  const recordEach = (violations: Violation[], resource: ResourceRef, ownKey: string) => {
    for (const violation of violations) {
      const r = violation.resource ?? resource;
      const k = violation.resource ? resourceKey(violation.resource) : ownKey;
      const entry = failedByKey.get(k);
      if (!entry) failedByKey.set(k, { resource: r, key: k, violations: [violation] });
      else append(entry, [violation]);
    }
  };
  const append = (entry: TargetResult, more: Violation[]) => {
    if (!merged.has(entry)) {
      entry.violations = [...entry.violations];
      merged.add(entry);
    }
    for (const v of more) entry.violations.push(v);
  };

  if (custom) {
    for (const target of control.targets!(ctx) as Iterable<EvalTarget<unknown>>) {
      let violations: Violation[] | null;
      try {
        violations = control.evaluate!(target.value, ctx);
      } catch (error) {
        errors.push(`${resourceKey(target.resource)}: ${(error as Error).message}`);
        continue;
      }
      if (violations === null) continue;
      evaluated++;
      if (violations.length === 0) {
        passedTargets++;
        passedKeys.push(targetKey(target.resource));
        continue;
      }
      record(violations, target.resource, targetKey(target.resource));
    }
  } else {
    for (const kind of control.kinds ?? []) {
      // Node facts live beside the index, not in it. Owned pod-bearing objects are judged on their owner.
      const targets = kind === "NodeInfo" ? undefined : ctx.index.evaluationTargets(kind);
      const objects: readonly K8sObject[] = targets ? targets.objects : ctx.nodes;
      for (let i = 0; i < objects.length; i++) {
        const obj = objects[i];
        let violations: Violation[] | null;
        try {
          violations = control.evaluate!(obj, ctx);
        } catch (error) {
          errors.push(`${resourceKey({ object: refOf(obj) })}: ${(error as Error).message}`);
          continue;
        }
        if (violations === null) continue;
        evaluated++;
        if (violations.length === 0) {
          passedTargets++;
          continue;
        }
        if (targets) record(violations, { object: targets.refAt(i) }, targets.keyAt(i));
        else {
          // Node facts are not in the index, so they get no shared ref.
          const resource = { object: refOf(obj) };
          record(violations, resource, resourceKey(resource));
        }
      }
    }
  }
  const results = [...failedByKey.values()];
  // Custom targets may repeat a resource (or blame one that also passed elsewhere): count it once, failed wins.
  const passed = custom ? new Set(passedKeys.filter((k) => !failedByKey.has(k))).size : passedTargets;
  let status: ControlStatus;
  if (evaluated === 0 && results.length === 0) status = errors.length ? "skipped" : "not_applicable";
  else status = results.length > 0 ? "failed" : "passed";
  return {
    status,
    results,
    passed,
    errors,
    ...(errors.length && evaluated === 0 ? { reason: "evaluation errors" } : {}),
  };
}
