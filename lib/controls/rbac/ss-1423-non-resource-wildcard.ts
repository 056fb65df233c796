import { defineControl } from "../../engine/define-control";
import type { SubjectRef } from "../../engine/types";
import { findGrantsWhere, hitsToViolations } from "../../rbac/grant-findings";
import { rbacModelOf, subjectTargets } from "./permission-control";

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
    const hits = findGrantsWhere(rbacModelOf(ctx), subject, (grant) => {
      if (grant.scope !== null) return null;
      const urls: number[] = [];
      grant.rule.rule.nonResourceURLs.forEach((u, i) => {
        if (u === "*" || u === "/*") urls.push(i);
      });
      if (!urls.length || grant.rule.rule.verbs.length === 0) return null;
      return { verbs: grant.rule.rule.verbs.map((_, i) => i), apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: urls };
    });
    return hitsToViolations(subject, hits, "can call every non-resource URL of the API server");
  },
  remediation: "List the non-resource paths a subject needs (`/healthz`, `/metrics`…) instead of a wildcard.",
  refs: {},
  tags: ["risky-permission"],
});
