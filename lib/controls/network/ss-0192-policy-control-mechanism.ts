import { defineControl } from "../../engine/define-control";
import type { EvalContext } from "../../engine/types";
import { interceptsPodAdmission, WEBHOOK_CONFIGURATION_KINDS, webhooksOf } from "./admission-webhooks";
import { PSA_ENFORCE_LABEL, PSA_ENFORCE_LABEL_PATH, psaEnforcementOf } from "./pod-security-admission";

/** Names of webhook configurations that see pod admissions: a third-party policy engine may be in place. */
function podPolicyWebhooks(ctx: EvalContext): string[] {
  return ctx.cache("network/pod-policy-webhooks", () =>
    WEBHOOK_CONFIGURATION_KINDS.flatMap((kind) => ctx.index.byKind(kind))
      .filter((config) => webhooksOf(config).some(({ webhook }) => interceptsPodAdmission(webhook)))
      .map((config) => config.metadata?.name ?? ""),
  );
}

export default defineControl({
  id: "SS-0192",
  name: "Namespace without an active pod policy mechanism",
  description:
    "Fails a namespace that has no Pod Security Admission enforce label when no admission webhook (a third-party policy engine) inspects pod creation either.",
  rationale:
    "Pod Security Admission is enabled by default but enforces nothing until a namespace opts in. Without it or an external policy engine, anyone who can create pods in the namespace can run privileged, host-level workloads.",
  severity: "medium",
  category: "admission",
  kinds: ["Namespace"],
  evaluate(namespace, ctx) {
    const { level, raw } = psaEnforcementOf(namespace);
    if (level) return [];
    if (podPolicyWebhooks(ctx).length > 0) return [];
    return [
      {
        message:
          raw === undefined
            ? `namespace "${namespace.metadata?.name}" has no ${PSA_ENFORCE_LABEL} label and no admission webhook checks pods`
            : `namespace "${namespace.metadata?.name}" has an invalid ${PSA_ENFORCE_LABEL} value "${raw}" and no admission webhook checks pods`,
        paths: raw === undefined ? [] : [PSA_ENFORCE_LABEL_PATH],
        fixPaths: [{ path: PSA_ENFORCE_LABEL_PATH, value: "baseline" }],
      },
    ];
  },
  remediation:
    "Label every namespace with `pod-security.kubernetes.io/enforce` (`baseline` or `restricted` for application namespaces), or deploy a policy engine (Kyverno, Gatekeeper, Kubewarden, …) whose webhook validates pods.",
  refs: {
    kubescape: ["C-0192"],
    cis: ["5.2.1"],
    cisGke: ["4.2.1"],
  },
});
