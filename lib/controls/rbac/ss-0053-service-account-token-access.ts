import { defineControl } from "../../engine/define-control";
import type { SubjectRef, Violation } from "../../engine/types";
import { describeObject } from "../../rbac/grant-findings";
import { findServiceAccountObject } from "../../rbac/workload-identity";
import { NO_VIOLATIONS, rbacModelOf, subjectTargets } from "./permission-control";

export default defineControl<SubjectRef>({
  id: "SS-0053",
  name: "Service accounts with permissions and auto-mounted tokens",
  description:
    "Fails each service account that is bound to a role while its token is mounted into pods by default (the ServiceAccount does not set `automountServiceAccountToken: false`).",
  rationale:
    "Anyone who gets code running in a pod reads the token at a well-known path and inherits every permission bound to its service account.",
  severity: "medium",
  category: "access-control",
  targets: subjectTargets,
  evaluate(subject, ctx) {
    if (subject.kind !== "ServiceAccount") return null;
    const sa = findServiceAccountObject(ctx.index, subject.namespace!, subject.name);
    if (sa?.automountServiceAccountToken === false) return [];
    let violations: Violation[] | undefined;
    for (const { binding, index } of rbacModelOf(ctx).directBindings(subject)) {
      if (!binding.role) continue;
      (violations ??= []).push({
        message: `ServiceAccount ${subject.namespace}/${subject.name} mounts its token by default and holds ${describeObject(binding.role)} through ${describeObject(binding)}`,
        paths: [`relatedObjects[0].subjects[${index}]`, "relatedObjects[0].roleRef.name"],
        related: [binding.ref, binding.role.ref],
      });
    }
    return violations ?? NO_VIOLATIONS;
  },
  remediation:
    "Set `automountServiceAccountToken: false` on the ServiceAccount and opt in per workload (`spec.automountServiceAccountToken: true`) only where the pods call the API.",
  refs: { kubescape: ["C-0053"], mitre: ["T1528"] },
});
