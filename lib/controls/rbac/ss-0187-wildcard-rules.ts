import { defineControl } from "../../engine/define-control";
import type { SubjectRef } from "../../engine/types";
import { ruleSearch } from "../../rbac/grant-findings";
import type { RuleTest } from "../../rbac/permission-patterns";
import { NO_VIOLATIONS, rbacModelOf, subjectTargets } from "./permission-control";

function wildcardIndexes(values: string[], isWildcard: (v: string) => boolean): number[] {
  const out: number[] = [];
  values.forEach((v, i) => {
    if (isWildcard(v)) out.push(i);
  });
  return out;
}

const isWildcardVerb = (v: string) => v === "*";
const isWildcardResource = (r: string) => r === "*" || r.startsWith("*/");

/** Resource rules with wildcard verbs or resources, wherever they are bound: the paths are the wildcards. */
const wildcardRules: RuleTest<null> = {
  classAt: () => null,
  givesAny: (rule) => rule.resources.length > 0 && (rule.verbs.some(isWildcardVerb) || rule.resources.some(isWildcardResource)),
  matchRule(rule) {
    if (!this.givesAny(rule, null)) return null;
    return { verbs: wildcardIndexes(rule.verbs, isWildcardVerb), resources: wildcardIndexes(rule.resources, isWildcardResource), apiGroups: [], resourceNames: [], nonResourceURLs: [] };
  },
};

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
    const search = ruleSearch(rbacModelOf(ctx), wildcardRules);
    if (!search.mayGrant(subject)) return NO_VIOLATIONS;
    return search.ownViolations(subject, "is granted wildcard verbs or resources");
  },
  remediation:
    "Replace wildcards with the explicit resources and verbs the subject uses (`kubectl auth can-i --list` and audit logs show them).",
  refs: { kubescape: ["C-0187"], cis: ["5.1.3"], cisEks: ["4.1.3"], cisAks: ["4.1.3"], cisGke: ["4.1.3"] },
});
