import { definePspControl } from "./pod-security-policy";

export default definePspControl({
  id: "SS-0214",
  kubescape: "C-0214",
  name: "Every PodSecurityPolicy admits the host PID namespace",
  feature: "share the host PID namespace",
  severity: "medium",
  rationale:
    "If every PSP allows `hostPID`, any pod author can see, signal and trace every process on the node.",
  permits(spec) {
    return spec.hostPID === true ? { path: "spec.hostPID", detail: "hostPID: true" } : undefined;
  },
  remediation:
    "Provide a PodSecurityPolicy with `hostPID: false` for ordinary workloads and limit permissive PSPs to the system components that need them, or migrate to Pod Security Admission.",
  refs: { cisAks: ["4.2.2"] },
});
