import { definePspControl } from "./pod-security-policy";

export default definePspControl({
  id: "SS-0217",
  kubescape: "C-0217",
  name: "Every PodSecurityPolicy allows privilege escalation",
  feature: "escalate privileges (allowPrivilegeEscalation)",
  severity: "medium",
  rationale:
    "If every PSP allows privilege escalation, setuid binaries and file capabilities let container processes gain more privileges than they started with.",
  permits(spec) {
    // The PSP field defaults to true when unset.
    return spec.allowPrivilegeEscalation === false
      ? undefined
      : { path: "spec.allowPrivilegeEscalation", detail: spec.allowPrivilegeEscalation === true ? "allowPrivilegeEscalation: true" : "allowPrivilegeEscalation unset (defaults to true)" };
  },
  remediation:
    "Provide a PodSecurityPolicy with `allowPrivilegeEscalation: false` for ordinary workloads, or migrate to Pod Security Admission (restricted level).",
  refs: { cisAks: ["4.2.5"] },
});
