import { defineControl } from "../../engine/define-control";
import type { SubjectRef } from "../../engine/types";
import { findGrantsWhere, hitsToViolations } from "../../rbac/grant-findings";
import type { GrantPath } from "../../rbac/model";
import type { RuleMatch } from "../../rbac/rule-matching";
import { rbacModelOf, subjectTargets } from "./permission-control";

function wildcardIndexes(values: string[], isWildcard: (v: string) => boolean): number[] {
  const out: number[] = [];
  values.forEach((v, i) => {
    if (isWildcard(v)) out.push(i);
  });
  return out;
}

const isWildcardVerb = (v: string) => v === "*";
const isWildcardResource = (r: string) => r === "*" || r.startsWith("*/");

/** The wildcard verbs and resources of a grant's resource rule, or null when it has none. */
function wildcardEntries(grant: GrantPath): RuleMatch | null {
  const rule = grant.rule.rule;
  if (rule.resources.length === 0) return null;
  if (!rule.verbs.some(isWildcardVerb) && !rule.resources.some(isWildcardResource)) return null;
  return { verbs: wildcardIndexes(rule.verbs, isWildcardVerb), resources: wildcardIndexes(rule.resources, isWildcardResource), apiGroups: [], resourceNames: [], nonResourceURLs: [] };
}

export default defineControl<SubjectRef>({
  id: "SS-0187",
  name: "Minimize wildcard use in bound roles",
  description:
    "Fails each subject whose bindings grant a rule with a wildcard verb (`*`) or a wildcard resource (`*`, `*/subresource`).",
  rationale:
    "A wildcard grants today's and tomorrow's resources and verbs alike: new CRDs, new subresources and verbs such as escalate or impersonate are included without anyone deciding so.",
  severity: "high",
  category: "access-control",
  targets: subjectTargets,
  evaluate(subject, ctx) {
    const hits = findGrantsWhere(rbacModelOf(ctx), subject, wildcardEntries);
    return hitsToViolations(subject, hits, "is granted wildcard verbs or resources");
  },
  remediation:
    "Replace wildcards with the explicit resources and verbs the subject uses (`kubectl auth can-i --list` and audit logs show them).",
  refs: { kubescape: ["C-0187"], cis: ["5.1.3"], cisEks: ["4.1.3"], cisAks: ["4.1.3"], cisGke: ["4.1.3"] },
});
