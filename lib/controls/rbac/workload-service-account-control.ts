// Workload controls about what a workload's mounted service-account token can do.
import { defineControl } from "../../engine/define-control";
import type { Control, ControlDefinition, K8sObject, Violation } from "../../engine/types";
import { podSpecOf, WORKLOAD_KINDS } from "../../engine/workload";
import { describeGrant, findGrants, scopeLabel, type GrantHit } from "../../rbac/grant-findings";
import { relatedOfGrant } from "../../rbac/model";
import type { PermissionPattern } from "../../rbac/permission-patterns";
import { subjectKey } from "../../rbac/subjects";
import { serviceAccountObjectOf, serviceAccountOfWorkload, serviceAccountTokenMounted } from "../../rbac/workload-identity";
import { rbacModelOf } from "./permission-control";

export interface WorkloadPermissionControlDefinition
  extends Omit<ControlDefinition<K8sObject>, "kinds" | "targets" | "evaluate" | "category"> {
  patterns: readonly PermissionPattern[];
  /** Completes "its service account … ", e.g. "can take over the cluster". */
  capability: string;
}

/**
 * Fails workloads whose pods mount a service-account token that, through the account's bindings or
 * its built-in groups, gives the capability. One violation per binding → role.
 */
export function defineWorkloadPermissionControl(definition: WorkloadPermissionControlDefinition): Control<K8sObject> {
  const { patterns, capability, ...rest } = definition;
  return defineControl<K8sObject>({
    category: "access-control",
    ...rest,
    kinds: [...WORKLOAD_KINDS],
    evaluate(workload, ctx) {
      const at = podSpecOf(workload);
      if (!at) return null;
      if (!serviceAccountTokenMounted(workload, serviceAccountObjectOf(ctx.index, workload))) return [];
      const sa = serviceAccountOfWorkload(workload);
      // Many workloads share one account (`default`): its grants are judged once per scan.
      const memo = ctx.cache(`rbac:${rest.id}:account-hits`, () => new Map<string, GrantHit[]>());
      const key = subjectKey(sa);
      let hits = memo.get(key);
      if (!hits) memo.set(key, (hits = findGrants(rbacModelOf(ctx), sa, patterns, { inherited: true })));
      const seen = new Set<string>();
      const violations: Violation[] = [];
      const saPath = at.spec.serviceAccountName ? `${at.path}.serviceAccountName` : at.spec.serviceAccount ? `${at.path}.serviceAccount` : undefined;
      for (const { grant } of hits) {
        const { related } = relatedOfGrant(grant);
        const key = related.map((r) => `${r.kind}/${r.namespace ?? ""}/${r.name}`).join("|") + (grant.via?.name ?? "");
        if (seen.has(key)) continue;
        seen.add(key);
        violations.push({
          message: `${workload.kind} ${workload.metadata?.name} runs as ServiceAccount ${sa.namespace}/${sa.name}, whose mounted token ${capability} ${scopeLabel(grant.scope)} through ${describeGrant(grant)}`,
          paths: saPath ? [saPath] : undefined,
          fixPaths: [{ path: `${at.path}.automountServiceAccountToken`, value: "false" }],
          related,
        });
      }
      return violations;
    },
  });
}
