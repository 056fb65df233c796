import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { EvalContext, EvalTarget, K8sObject, SubjectRef, Violation } from "../../engine/types";
import { containersOf } from "../../engine/workload";
import { describeObject } from "../../rbac/grant-findings";
import type { RbacModel } from "../../rbac/model";
import { NO_VIOLATIONS, rbacModelOf, subjectTargets } from "./permission-control";
import { workloadAccountOf } from "./workload-accounts";

/** A subject named in a binding (the model's own object), or a workload. */
type Target = SubjectRef | K8sObject;

/** Subjects are User, Group or ServiceAccount; workloads are pod-bearing kinds, never those. */
function isSubject(target: Target): target is SubjectRef {
  return target.kind === "ServiceAccount" || target.kind === "User" || target.kind === "Group";
}

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

// Per model (one scan): the subjects some binding to a dashboard role names, as the model's own objects.
const dashboardSubjects = new WeakMap<RbacModel, Set<SubjectRef>>();

/** The only subjects that can fail: most scans bind nobody to the dashboard's role. */
function subjectsBoundToDashboard(model: RbacModel): Set<SubjectRef> {
  let subjects = dashboardSubjects.get(model);
  if (!subjects) {
    subjects = new Set();
    for (const binding of model.bindings) {
      if (binding.role && isDashboardName(binding.role.name)) for (const s of model.boundSubjectsOf(binding)) subjects.add(s);
    }
    dashboardSubjects.set(model, subjects);
  }
  return subjects;
}

/**
 * The subject targets shared with the other subject controls (already keyed by the engine), then one
 * per workload, made as the engine asks for them: a pod-heavy scan's targets then die young.
 */
function* dashboardTargets(ctx: EvalContext): Generator<EvalTarget<Target>> {
  yield* subjectTargets(ctx);
  for (const workload of ctx.index.workloads()) yield { resource: { object: refOf(workload) }, value: workload };
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
  targets: dashboardTargets,
  evaluate(target, ctx) {
    if (isSubject(target)) {
      const subject = target;
      if (subject.kind === "ServiceAccount" && isDashboardName(subject.name)) return NO_VIOLATIONS;
      const model = rbacModelOf(ctx);
      if (!subjectsBoundToDashboard(model).has(subject)) return NO_VIOLATIONS;
      const violations: Violation[] = [];
      for (const { binding, index } of model.directBindings(subject)) {
        if (!binding.role || !isDashboardName(binding.role.name)) continue;
        violations.push({
          message: `${subject.kind} ${subject.name} is bound to the dashboard's ${describeObject(binding.role)} through ${describeObject(binding)}`,
          paths: [`relatedObjects[0].subjects[${index}]`, "relatedObjects[0].roleRef.name"],
          related: [binding.ref, binding.role.ref],
        });
      }
      return violations;
    }
    const workload = target;
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
