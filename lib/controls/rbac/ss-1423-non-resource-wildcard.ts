import { defineControl } from "../../engine/define-control";
import type { SubjectRef } from "../../engine/types";
import { findGrantsWhere, hitsToViolations } from "../../rbac/grant-findings";
import type { GrantPath } from "../../rbac/model";
import type { RuleMatch } from "../../rbac/rule-matching";
import { rbacModelOf, subjectTargets } from "./permission-control";

/** The `*` and `/*` non-resource URLs a cluster-wide grant allows (with every verb entry), or null. */
function nonResourceWildcards(grant: GrantPath): RuleMatch | null {
  const rule = grant.rule.rule;
  if (grant.scope !== null || rule.nonResourceURLs.length === 0) return null;
  const urls: number[] = [];
  rule.nonResourceURLs.forEach((u, i) => {
    if (u === "*" || u === "/*") urls.push(i);
  });
  if (!urls.length || rule.verbs.length === 0) return null;
  return { verbs: rule.verbs.map((_, i) => i), apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: urls };
}

export default defineControl<SubjectRef>({
  id: "SS-1423",
  name: "Wildcard access to non-resource URLs",
  description:
    "Fails each subject whose ClusterRoleBindings grant `*` or `/*` in nonResourceURLs (RoleBindings never grant non-resource URLs).",
  rationale:
    "Non-resource URLs include `/debug/pprof`, `/logs` and `/metrics` of the API server: profiling data, host log files and internals that only operators should read.",
  severity: "low",
  category: "control-plane",
  targets: subjectTargets,
  evaluate(subject, ctx) {
    const hits = findGrantsWhere(rbacModelOf(ctx), subject, nonResourceWildcards);
    return hitsToViolations(subject, hits, "can call every non-resource URL of the API server");
  },
  remediation: "List the non-resource paths a subject needs (`/healthz`, `/metrics`…) instead of a wildcard.",
  refs: {},
  tags: ["risky-permission"],
});
