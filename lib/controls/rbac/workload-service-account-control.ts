// Workload controls about what a workload's mounted service-account token can do.
import { defineControl } from "../../engine/define-control";
import type { Control, ControlDefinition, EvalContext, FixPath, K8sObject, ObjectRef } from "../../engine/types";
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
      if (!tokenMounted(ctx, workload)) return [];
      const sa = serviceAccountOfWorkload(workload);
      // Many workloads share one account (`default`): its grants, and the part of each message and
      // the related objects they give, are worked out once per scan.
      const memo = ctx.cache(`rbac:${rest.id}:account-grants`, () => new Map<string, AccountGrant[]>());
      const key = subjectKey(sa);
      let grants = memo.get(key);
      if (!grants) memo.set(key, (grants = accountGrants(findGrants(rbacModelOf(ctx), sa, patterns, { inherited: true }), capability)));
      if (grants.length === 0) return [];
      const head = `${workload.kind} ${workload.metadata?.name} runs as ServiceAccount ${sa.namespace}/${sa.name}`;
      const saPath = at.spec.serviceAccountName ? `${at.path}.serviceAccountName` : at.spec.serviceAccount ? `${at.path}.serviceAccount` : undefined;
      const paths = saPath ? sharedList(saPath) : undefined;
      const fixPaths = sharedFixPaths(at.path);
      return grants.map((g) => ({ message: head + g.tail, paths, fixPaths, related: g.related }));
    },
  });
}

/** One binding → role (→ source role) an account's token is granted the capability through. */
interface AccountGrant {
  /** The message after the workload and account: ", whose mounted token … through …". */
  tail: string;
  related: ObjectRef[];
}

function accountGrants(hits: readonly GrantHit[], capability: string): AccountGrant[] {
  const seen = new Set<string>();
  const grants: AccountGrant[] = [];
  for (const { grant } of hits) {
    const { related } = relatedOfGrant(grant);
    const key = related.map((r) => `${r.kind}/${r.namespace ?? ""}/${r.name}`).join("|") + (grant.via?.name ?? "");
    if (seen.has(key)) continue;
    seen.add(key);
    grants.push({ tail: `, whose mounted token ${capability} ${scopeLabel(grant.scope)} through ${describeGrant(grant)}`, related });
  }
  return grants;
}

/** Whether the workload's pods get a token, worked out once per workload and scan. */
function tokenMounted(ctx: EvalContext, workload: K8sObject): boolean {
  const memo = ctx.cache("rbac:token-mounted", () => new Map<K8sObject, boolean>());
  let mounted = memo.get(workload);
  if (mounted === undefined) memo.set(workload, (mounted = serviceAccountTokenMounted(workload, serviceAccountObjectOf(ctx.index, workload))));
  return mounted;
}

// Paths differ only by the kind's pod-spec location: every finding at one location shares one
// (frozen) list instead of allocating its own.
const pathLists = new Map<string, string[]>();
const fixPathLists = new Map<string, FixPath[]>();

function sharedList(path: string): string[] {
  let list = pathLists.get(path);
  if (!list) pathLists.set(path, (list = Object.freeze([path]) as unknown as string[]));
  return list;
}

function sharedFixPaths(specPath: string): FixPath[] {
  let list = fixPathLists.get(specPath);
  if (!list) {
    const fix = Object.freeze({ path: `${specPath}.automountServiceAccountToken`, value: "false" });
    fixPathLists.set(specPath, (list = Object.freeze([fix]) as unknown as FixPath[]));
  }
  return list;
}
