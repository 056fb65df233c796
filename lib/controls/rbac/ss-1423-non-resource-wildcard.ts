import { defineControl } from "../../engine/define-control";
import type { SubjectRef } from "../../engine/types";
import { ruleSearch } from "../../rbac/grant-findings";
import type { RuleTest } from "../../rbac/permission-patterns";
import { NO_VIOLATIONS, rbacModelOf, subjectTargets } from "./permission-control";

const isUrlWildcard = (url: string) => url === "*" || url === "/*";

/**
 * Rules allowing `*` or `/*` non-resource URLs (with any verb), through ClusterRoleBindings only: the
 * paths are the wildcard URLs and every verb entry.
 */
const nonResourceWildcards: RuleTest<boolean> = {
  classAt: (scope) => scope === null,
  givesAny: (rule, clusterWide) => clusterWide && rule.verbs.length > 0 && rule.nonResourceURLs.some(isUrlWildcard),
  matchRule(rule, clusterWide) {
    if (!this.givesAny(rule, clusterWide)) return null;
    const urls: number[] = [];
    rule.nonResourceURLs.forEach((u, i) => {
      if (isUrlWildcard(u)) urls.push(i);
    });
    return { verbs: rule.verbs.map((_, i) => i), apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: urls };
  },
};

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
    const search = ruleSearch(rbacModelOf(ctx), nonResourceWildcards);
    if (!search.mayGrant(subject)) return NO_VIOLATIONS;
    return search.ownViolations(subject, "can call every non-resource URL of the API server");
  },
  remediation: "List the non-resource paths a subject needs (`/healthz`, `/metrics`…) instead of a wildcard.",
  refs: {},
  tags: ["risky-permission"],
});
