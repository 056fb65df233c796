import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { EvalTarget, K8sObject, SubjectRef, Violation } from "../../engine/types";
import { containersOf } from "../../engine/workload";
import { describeObject } from "../../rbac/grant-findings";
import { NO_VIOLATIONS, rbacModelOf, subjectTargets } from "./permission-control";
import { workloadAccountOf } from "./workload-accounts";

type Target = { subject: SubjectRef } | { workload: K8sObject };

/** The names the dashboard's install (manifest or Helm chart `<release>-kubernetes-dashboard`) gives its objects. */
function isDashboardName(name: string | undefined): boolean {
  return !!name && (name === "kubernetes-dashboard" || name.endsWith("-kubernetes-dashboard"));
}

function isDashboardWorkload(workload: K8sObject, dashboardImages: string[]): boolean {
  const name = workload.metadata?.name ?? "";
  if (name.startsWith("kubernetes-dashboard") || name.includes("-kubernetes-dashboard")) return true;
  return containersOf(workload).some(({ container }) =>
    typeof container.image === "string" && dashboardImages.some((fragment) => container.image.includes(fragment)),
  );
}

export default defineControl<Target>({
  id: "SS-0014",
  name: "Access to the Kubernetes dashboard's identity",
  description:
    "Fails subjects, other than the dashboard's own service account, bound to the dashboard's role, and workloads other than the dashboard that run as its service account.",
  rationale:
    "The dashboard's role is sized for the dashboard; anyone else bound to it, or any pod running as its account, gets that access without going through the dashboard's login.",
  severity: "low",
  category: "access-control",
  *targets(ctx) {
    // The subject resources shared with the other subject controls: their keys are already known.
    for (const t of subjectTargets(ctx)) yield { resource: t.resource, value: { subject: t.value } } as EvalTarget<Target>;
    for (const workload of ctx.index.workloads()) yield { resource: { object: refOf(workload) }, value: { workload } };
  },
  evaluate(target, ctx) {
    if ("subject" in target) {
      const { subject } = target;
      if (subject.kind === "ServiceAccount" && isDashboardName(subject.name)) return NO_VIOLATIONS;
      const violations: Violation[] = [];
      for (const { binding, index } of rbacModelOf(ctx).directBindings(subject)) {
        if (!binding.role || !isDashboardName(binding.role.name)) continue;
        violations.push({
          message: `${subject.kind} ${subject.name} is bound to the dashboard's ${describeObject(binding.role)} through ${describeObject(binding)}`,
          paths: [`relatedObjects[0].subjects[${index}]`, "relatedObjects[0].roleRef.name"],
          related: [binding.ref, binding.role.ref],
        });
      }
      return violations;
    }
    const { workload } = target;
    const w = workloadAccountOf(ctx, workload);
    if (!w) return null;
    if (!isDashboardName(w.account.name) || isDashboardWorkload(workload, ctx.settings.dashboardImages)) return NO_VIOLATIONS;
    const field = w.at.spec.serviceAccountName ? "serviceAccountName" : "serviceAccount";
    return [
      {
        message: `${workload.kind} ${workload.metadata?.name} is not the dashboard but runs as its ServiceAccount ${w.account.name}`,
        paths: [`${w.at.path}.${field}`],
      },
    ];
  },
  remediation:
    "Bind people to their own roles rather than to the dashboard's, run other workloads under their own service accounts, and prefer a dashboard that logs users in with their own identity.",
  refs: { kubescape: ["C-0014"], mitre: ["T1133"], cisGke: ["5.10.1"] },
});
