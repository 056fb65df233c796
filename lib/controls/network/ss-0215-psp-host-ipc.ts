import { definePspControl } from "./pod-security-policy";

export default definePspControl({
  id: "SS-0215",
  kubescape: "C-0215",
  name: "Every PodSecurityPolicy admits the host IPC namespace",
  feature: "share the host IPC namespace",
  severity: "medium",
  rationale:
    "If every PSP allows `hostIPC`, pods can reach the shared memory of every process on the node.",
  permits(spec) {
    return spec.hostIPC === true ? { path: "spec.hostIPC", detail: "hostIPC: true" } : undefined;
  },
  remediation:
    "Provide a PodSecurityPolicy with `hostIPC: false` for ordinary workloads and limit permissive PSPs to the system components that need them, or migrate to Pod Security Admission.",
  refs: { cisAks: ["4.2.3"] },
});
