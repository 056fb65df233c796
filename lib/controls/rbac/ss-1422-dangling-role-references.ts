import { defineControl } from "../../engine/define-control";
import type { SubjectRef, Violation } from "../../engine/types";
import { describeObject } from "../../rbac/grant-findings";
import { NO_VIOLATIONS, rbacModelOf, subjectTargets } from "./permission-control";

export default defineControl<SubjectRef>({
  id: "SS-1422",
  name: "Bindings to roles that do not exist",
  description: "Fails each subject bound, through a binding, to a Role or ClusterRole that the cluster does not have.",
  rationale:
    "A dangling binding grants nothing today, but whoever later creates a role of that name (a namespace admin can create Roles) decides what the bound subjects get.",
  severity: "low",
  category: "access-control",
  targets: subjectTargets,
  evaluate(subject, ctx) {
    let violations: Violation[] | undefined;
    for (const { binding, index } of rbacModelOf(ctx).directBindings(subject)) {
      if (binding.role || !binding.problem?.endsWith("not found")) continue;
      (violations ??= []).push({
        message: `${subject.kind} ${subject.name} is bound by ${describeObject(binding)} to a missing role: ${binding.problem}`,
        paths: [`relatedObjects[0].subjects[${index}]`, "relatedObjects[0].roleRef.name"],
        related: [binding.ref],
      });
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation: "Delete bindings whose role was removed, or recreate the intended role from version control.",
  refs: {},
  tags: ["risky-permission"],
});
