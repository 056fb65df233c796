// Namespace-level NetworkPolicy checks shared by the "namespace has network policies" controls
// (Kubescape C-0049, C-0054, C-0206) and the default-deny controls.
import type { EvalContext, K8sObject, Violation } from "../../engine/types";
import {
  allowAllRules,
  namespaceLabels,
  namespacePolicies,
  policyRules,
  ruleSelectsWholeNamespace,
  type Direction,
} from "./network-policy-coverage";

/** Fails a Namespace object in which no NetworkPolicy or Cilium policy applies. */
export function evaluateNamespaceHasPolicy(namespace: K8sObject, ctx: EvalContext): Violation[] {
  const name = namespace.metadata?.name;
  if (!name) return [];
  if (namespacePolicies(ctx, name).length > 0) return [];
  return [
    {
      message: `namespace "${name}" has no NetworkPolicy (nor Cilium policy): every pod in it accepts traffic from anywhere in the cluster`,
    },
  ];
}

/**
 * Fails a Namespace in which no policy isolates every pod for `direction` without also admitting all
 * traffic back: the "default deny" baseline that later allow-rules can open selectively.
 */
export function evaluateNamespaceDefaultDeny(namespace: K8sObject, ctx: EvalContext, direction: Direction): Violation[] | null {
  const name = namespace.metadata?.name;
  if (!name || ctx.settings.systemNamespaces.includes(name)) return null;
  const nsLabels = namespaceLabels(ctx, name);
  for (const rule of policyRules(ctx)) {
    if (rule.isolates[direction] && ruleSelectsWholeNamespace(rule, name, nsLabels) && allowAllRules(rule, direction).length === 0) return [];
  }
  return [
    {
      message: `namespace "${name}" has no default-deny ${direction} policy (one selecting every pod and isolating ${direction}); pods not picked by a specific policy keep unrestricted ${direction}`,
    },
  ];
}
