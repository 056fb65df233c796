import { definePspControl } from "./pod-security-policy";

export default definePspControl({
  id: "SS-0216",
  kubescape: "C-0216",
  name: "Every PodSecurityPolicy admits the host network",
  feature: "use the host network namespace",
  severity: "medium",
  rationale:
    "If every PSP allows `hostNetwork`, pods can sniff node traffic, reach localhost-only services and escape NetworkPolicies.",
  permits(spec) {
    return spec.hostNetwork === true ? { path: "spec.hostNetwork", detail: "hostNetwork: true" } : undefined;
  },
  remediation:
    "Provide a PodSecurityPolicy with `hostNetwork: false` for ordinary workloads and limit permissive PSPs to the system components that need them, or migrate to Pod Security Admission.",
  refs: { cisAks: ["4.2.4"] },
});
