// Workload controls about what a workload's mounted service-account token can do.
import { defineControl } from "../../engine/define-control";
import type { Control, ControlDefinition, K8sObject, ObjectRef, SubjectRef, Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { describeGrant, grantSearch, scopeLabel, type GrantHit } from "../../rbac/grant-findings";
import { relatedObjectsOf } from "../../rbac/model";
import type { PermissionPattern } from "../../rbac/permission-patterns";
import { NO_VIOLATIONS, rbacModelOf } from "./permission-control";
import { accountTokenMounted, workloadAccountOf } from "./workload-accounts";

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
  const memoKey = `rbac:${rest.id}:account-grants`;
  return defineControl<K8sObject>({
    category: "access-control",
    ...rest,
    kinds: [...WORKLOAD_KINDS],
    evaluate(workload, ctx) {
      const w = workloadAccountOf(ctx, workload);
      if (!w) return null;
      // Many workloads share one account (`default`): its grants, and the part of each message and
      // the related objects they give, are worked out once per scan.
      const memo = ctx.cache(memoKey, newAccountMemo);
      let grants = memo.get(w.account);
      if (!grants) {
        const hits = grantSearch(rbacModelOf(ctx), patterns).find(w.account, { inherited: true });
        memo.set(w.account, (grants = accountGrants(hits, capability)));
      }
      // An account that can do nothing passes whether or not its token is mounted.
      if (grants.length === 0 || !accountTokenMounted(ctx, w)) return NO_VIOLATIONS;
      // SS-0267 and SS-0272 fail mostly the same workloads: the message head is built once per workload.
      const head = (w.messageHead ??= `${workload.kind} ${workload.metadata?.name} runs as ServiceAccount ${w.account.namespace}/${w.account.name}`);
      const violations: Violation[] = [];
      for (const g of grants) violations.push({ message: head + g.tail, paths: w.accountPaths, fixPaths: w.fixPaths, related: g.related });
      return violations;
    },
  });
}

function newAccountMemo(): Map<SubjectRef, AccountGrant[]> {
  return new Map();
}

/** One binding → role (→ source role) an account's token is granted the capability through. */
interface AccountGrant {
  /** The message after the workload and account: ", whose mounted token … through …". */
  tail: string;
  related: ObjectRef[];
}

function accountGrants(hits: readonly GrantHit[], capability: string): AccountGrant[] {
  if (hits.length === 0) return [];
  const seen = new Set<string>();
  const grants: AccountGrant[] = [];
  for (const { grant } of hits) {
    const related = relatedObjectsOf(grant);
    let key = "";
    for (let i = 0; i < related.length; i++) {
      const r = related[i];
      key += `${i ? "|" : ""}${r.kind}/${r.namespace ?? ""}/${r.name}`;
    }
    key += grant.via?.name ?? "";
    if (seen.has(key)) continue;
    seen.add(key);
    grants.push({ tail: `, whose mounted token ${capability} ${scopeLabel(grant.scope)} through ${describeGrant(grant)}`, related });
  }
  return grants;
}
