import { defineControl } from "../../engine/define-control";
import type { SubjectRef, Violation } from "../../engine/types";
import { describeObject } from "../../rbac/grant-findings";
import { findServiceAccountObject } from "../../rbac/workload-identity";
import { NO_VIOLATIONS, rbacModelOf, subjectTargets } from "./permission-control";

export default defineControl<SubjectRef>({
  id: "SS-1420",
  name: "Default service account with permissions and a mounted token",
  description:
    "Fails each namespace's `default` service account that is bound to a role while its token is mounted by default.",
  rationale:
    "Every pod that names no service account runs as `default` and, with the token mounted, carries whatever was bound to it: permissions meant for one workload leak into all of them.",
  severity: "high",
  category: "access-control",
  targets: subjectTargets,
  evaluate(subject, ctx) {
    if (subject.kind !== "ServiceAccount" || subject.name !== "default") return null;
    if (findServiceAccountObject(ctx.index, subject.namespace!, subject.name)?.automountServiceAccountToken === false) return [];
    let violations: Violation[] | undefined;
    for (const { binding, index } of rbacModelOf(ctx).directBindings(subject)) {
      if (!binding.role) continue;
      (violations ??= []).push({
        message: `the default service account of namespace ${subject.namespace} mounts its token in every pod and holds ${describeObject(binding.role)} through ${describeObject(binding)}`,
        paths: [`relatedObjects[0].subjects[${index}]`, "relatedObjects[0].roleRef.name"],
        related: [binding.ref, binding.role.ref],
      });
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Bind the role to a dedicated ServiceAccount used by the workload that needs it, and set `automountServiceAccountToken: false` on the `default` ServiceAccount.",
  refs: { cis: ["5.1.5"], cisEks: ["4.1.5"], mitre: ["T1528"] },
  tags: ["risky-permission"],
});
