import { defineControl } from "../../engine/define-control";
import { PSA_ENFORCE_LABEL, PSA_ENFORCE_LABEL_PATH, psaEnforcementOf } from "./pod-security-admission";

export default defineControl({
  id: "SS-1204",
  name: "Application namespace explicitly enforces the privileged PSA level",
  description:
    "Fails a namespace outside the configured system namespaces whose `pod-security.kubernetes.io/enforce` label is `privileged`, which switches Pod Security Admission off for it.",
  rationale:
    "An explicit privileged label is often added to unblock one workload and then forgotten: every pod in the namespace may run privileged, use host namespaces or mount the host filesystem, and the label also silences cluster-wide PSA defaults.",
  severity: "medium",
  category: "admission",
  kinds: ["Namespace"],
  evaluate(namespace, ctx) {
    const name = namespace.metadata?.name ?? "";
    if (ctx.settings.systemNamespaces.includes(name)) return null;
    const { level, raw } = psaEnforcementOf(namespace);
    if (raw === undefined) return null;
    if (level !== "privileged") return [];
    return [
      {
        message: `namespace "${name}" sets ${PSA_ENFORCE_LABEL}=privileged: pods in it are not checked by Pod Security Admission`,
        paths: [PSA_ENFORCE_LABEL_PATH],
        fixPaths: [{ path: PSA_ENFORCE_LABEL_PATH, value: "baseline" }],
      },
    ];
  },
  remediation:
    "Move workloads that really need host access into a dedicated, tightly controlled namespace, and set the others to `baseline` or `restricted`. Record deliberate exceptions (CNI, storage or monitoring agents) with an owner and expiry.",
  refs: {
    mitre: ["T1611"],
  },
});
