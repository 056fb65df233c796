import { defineControl } from "../../engine/define-control";
import { admissionPluginState } from "./admission-plugins";
import { flagFinding } from "./flag-findings";
import { atLeast } from "./kubernetes-version";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0124",
  name: "API server runs neither SecurityContextDeny nor PodSecurityPolicy",
  description:
    "On API servers older than Kubernetes 1.30, fails unless the SecurityContextDeny or PodSecurityPolicy admission plugin is enabled. Does not apply from 1.30 on, where neither plugin exists any more (pod security is then the PodSecurity admission plugin with namespace labels).",
  rationale:
    "Without an admission plugin that polices pod security contexts, anyone who can create pods can request root, host namespaces or privileged mode and take over the node.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance) {
    // SecurityContextDeny was removed in 1.30 (PodSecurityPolicy in 1.25): the API server would not start with it.
    if (atLeast(instance.version, 1, 30)) return null;
    const scd = admissionPluginState(instance, "SecurityContextDeny");
    const psp = admissionPluginState(instance, "PodSecurityPolicy");
    if (scd.enabled || psp.enabled) return [];
    const occurrence = scd.occurrence ?? psp.occurrence;
    const fix = occurrence && occurrence.name === "enable-admission-plugins"
      ? `--enable-admission-plugins=${[occurrence.value, "SecurityContextDeny"].filter(Boolean).join(",")}`
      : "--enable-admission-plugins=SecurityContextDeny";
    return [
      flagFinding(instance, occurrence, "neither SecurityContextDeny nor PodSecurityPolicy is enabled: pod security contexts are not policed at admission", fix),
    ];
  },
  remediation:
    "On clusters older than 1.30, enable SecurityContextDeny (or PodSecurityPolicy before 1.25) in `--enable-admission-plugins`; better, upgrade and enforce Pod Security Standards with the PodSecurity admission plugin and namespace labels.",
  refs: { kubescape: ["C-0124"] },
});
