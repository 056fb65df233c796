import { definePspControl } from "./pod-security-policy";

export default definePspControl({
  id: "SS-0219",
  kubescape: "C-0219",
  name: "Every PodSecurityPolicy lets containers add capabilities",
  feature: "add Linux capabilities",
  severity: "medium",
  rationale:
    "If every PSP lists allowedCapabilities, pod authors can add kernel capabilities that widen what a compromised process can do to the host.",
  permits(spec) {
    const allowed = Array.isArray(spec.allowedCapabilities) ? spec.allowedCapabilities : [];
    return allowed.length > 0 ? { path: "spec.allowedCapabilities", detail: `allowedCapabilities: ${allowed.join(", ")}` } : undefined;
  },
  remediation:
    "Provide a PodSecurityPolicy with an empty `allowedCapabilities` list for ordinary workloads, or migrate to Pod Security Admission (restricted level).",
  refs: { cisAks: ["4.2.8"] },
});
