import { defineControl } from "../../engine/define-control";
import type { EvalContext, NodeInfo } from "../../engine/types";
import { flagFinding, requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

/** The audit policy file's content as the node facts of the API server's node report it. */
function collectedPolicy(instance: ComponentInstance, ctx: EvalContext): { node: NodeInfo; content: Record<string, unknown> } | undefined {
  if (!instance.nodeName) return undefined;
  const node = ctx.nodes.find((n) => (n.spec?.nodeName || n.metadata?.name) === instance.nodeName);
  const content = node?.spec?.controlPlane?.["kube-apiserver"]?.auditPolicy?.content;
  return node && content ? { node, content } : undefined;
}

export default defineControl<ComponentInstance>({
  id: "SS-0160",
  name: "API server has no audit policy",
  description:
    "Fails unless the kube-apiserver sets --audit-policy-file. When node facts include the policy's content, also fails if no rule records anything (every rule at level None, or no rules).",
  rationale:
    "The audit policy decides which requests are logged and at what detail. Without one, or with one that logs nothing, audit logging is off whatever log path or webhook is configured.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance, ctx) {
    const missing = requireFlag(instance, "audit-policy-file", "/etc/kubernetes/audit-policy.yaml", "no audit events are recorded");
    if (missing.length) return missing;
    const policy = collectedPolicy(instance, ctx);
    if (!policy) return [];
    const rules: unknown[] = Array.isArray(policy.content.rules) ? policy.content.rules : [];
    const recording = rules.some((rule) => {
      const level = (rule as { level?: unknown } | null)?.level;
      return typeof level === "string" && level !== "None";
    });
    if (recording) return [];
    const violation = flagFinding(
      instance,
      undefined,
      `the audit policy on node ${instance.nodeName} has ${rules.length ? "only level None rules" : "no rules"}: nothing is recorded`,
    );
    violation.related = [{ apiVersion: policy.node.apiVersion, kind: policy.node.kind, name: policy.node.metadata?.name ?? instance.nodeName ?? "" }];
    return [violation];
  },
  remediation:
    "Write an audit policy (at least Metadata level for everything, no request bodies for Secrets) and pass it with `--audit-policy-file`, together with `--audit-log-path` or an audit webhook.",
  refs: { kubescape: ["C-0160"], cis: ["3.2.1"], nsa: ["audit-logging"], soc2: ["CC7.2"] },
});
