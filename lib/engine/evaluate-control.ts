// Evaluates one control over a scan context: target selection, owner de-duplication, status.
import { objectKey, refOf } from "./object-index";
import type { Control, ControlStatus, EvalContext, EvalTarget, K8sObject, ResourceRef, Violation } from "./types";
import { isWorkload } from "./workload";

export interface TargetResult {
  resource: ResourceRef;
  /** Stable key of the resource, used for counting and exceptions. */
  key: string;
  violations: Violation[];
}

export interface ControlEvaluation {
  status: ControlStatus;
  /** Every evaluated target that applied (passed = no violations). */
  results: TargetResult[];
  /** Why the control was skipped or could not finish, when it was. */
  reason?: string;
  errors: string[];
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

function defaultTargets(control: Control<K8sObject>, ctx: EvalContext): EvalTarget<K8sObject>[] {
  const targets: EvalTarget<K8sObject>[] = [];
  for (const kind of control.kinds ?? []) {
    for (const obj of ctx.index.byKind(kind)) {
      // A Pod owned by a ReplicaSet owned by a Deployment is judged once, on the Deployment.
      if (isWorkload(obj) && ctx.index.hasPresentOwner(obj)) continue;
      targets.push({ resource: { object: refOf(obj) }, value: obj });
    }
  }
  return targets;
}

export function evaluateControl(control: Control<unknown>, ctx: EvalContext): ControlEvaluation {
  if (control.manual) return { status: "manual", results: [], errors: [] };
  if (control.needs.includes("node") && ctx.nodes.length === 0) {
    return { status: "skipped", results: [], errors: [], reason: "no node facts (run the agent's node mode)" };
  }
  if (control.needs.includes("cloud") && !hasCloudData(ctx)) {
    return { status: "skipped", results: [], errors: [], reason: "no cloud provider data" };
  }
  const targets = control.targets
    ? control.targets(ctx)
    : defaultTargets(control as Control<K8sObject>, ctx);
  const byKey = new Map<string, TargetResult>();
  const errors: string[] = [];
  for (const target of targets) {
    let violations: Violation[] | null;
    try {
      violations = control.evaluate!(target.value, ctx);
    } catch (error) {
      errors.push(`${resourceKey(target.resource)}: ${(error as Error).message}`);
      continue;
    }
    if (violations === null) continue;
    const ownKey = resourceKey(target.resource);
    if (!byKey.has(ownKey)) byKey.set(ownKey, { resource: target.resource, key: ownKey, violations: [] });
    for (const violation of violations) {
      if (violation.resource) {
        // Cluster-wide controls may blame another resource than the target they evaluated.
        const k = resourceKey(violation.resource);
        let entry = byKey.get(k);
        if (!entry) byKey.set(k, (entry = { resource: violation.resource, key: k, violations: [] }));
        entry.violations.push(violation);
      } else {
        byKey.get(ownKey)!.violations.push(violation);
      }
    }
  }
  const results = [...byKey.values()];
  let status: ControlStatus;
  if (results.length === 0) status = errors.length ? "skipped" : "not_applicable";
  else status = results.some((r) => r.violations.length > 0) ? "failed" : "passed";
  return { status, results, errors, reason: errors.length && results.length === 0 ? "evaluation errors" : undefined };
}
