// Legacy PodSecurityPolicy (policy/v1beta1, removed in Kubernetes 1.25) checks. A pod is admitted when
// any PSP it may use allows it, so a restriction only holds if at least one PSP imposes it: the CIS
// audit for these items passes as soon as one policy forbids the feature, and otherwise reports every
// permissive policy.
import { defineControl } from "../../engine/define-control";
import type { Control, ControlRefs, EvalContext, K8sObject, Severity } from "../../engine/types";

export interface PspPermission {
  /** Path of the PSP field that permits the feature. */
  path: string;
  /** Why this PSP permits it. */
  detail: string;
}

export interface PspControlSpec {
  id: string;
  kubescape: string;
  name: string;
  /** The pod feature, phrased to complete "admit pods that …". */
  feature: string;
  rationale: string;
  severity: Severity;
  /** How the PSP permits the feature, or undefined when it forbids it. */
  permits: (spec: Record<string, unknown>) => PspPermission | undefined;
  remediation: string;
  refs: Omit<ControlRefs, "kubescape">;
}

function specOf(psp: K8sObject): Record<string, unknown> {
  return psp.spec && typeof psp.spec === "object" ? psp.spec : {};
}

export function definePspControl(spec: PspControlSpec): Control<K8sObject> {
  const anyRestricts = (ctx: EvalContext) =>
    ctx.cache(`network/psp-restricts/${spec.id}`, () =>
      ctx.index.byKind("PodSecurityPolicy").some((psp) => spec.permits(specOf(psp)) === undefined),
    );
  return defineControl({
    id: spec.id,
    name: spec.name,
    description: `When PodSecurityPolicies are in use, fails every PSP that lets pods ${spec.feature} unless at least one PSP forbids it.`,
    rationale: spec.rationale,
    severity: spec.severity,
    category: "admission",
    kinds: ["PodSecurityPolicy"],
    evaluate(psp, ctx) {
      if (anyRestricts(ctx)) return [];
      const permission = spec.permits(specOf(psp));
      if (!permission) return [];
      return [
        {
          message: `PodSecurityPolicy "${psp.metadata?.name}" lets pods ${spec.feature} (${permission.detail}) and no PSP forbids it`,
          paths: [permission.path],
        },
      ];
    },
    remediation: spec.remediation,
    refs: { kubescape: [spec.kubescape], ...spec.refs },
    tags: ["pod-security-policy"],
  });
}
