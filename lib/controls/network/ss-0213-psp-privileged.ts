import { definePspControl } from "./pod-security-policy";

export default definePspControl({
  id: "SS-0213",
  kubescape: "C-0213",
  name: "Every PodSecurityPolicy admits privileged containers",
  feature: "run privileged containers",
  severity: "high",
  rationale:
    "If every PSP allows `privileged: true`, anyone allowed to create pods can obtain full control of a node.",
  permits(spec) {
    const value = spec.privileged;
    return value === true ? { path: "spec.privileged", detail: "privileged: true" } : undefined;
  },
  remediation:
    "Create (or tighten) a PodSecurityPolicy with `privileged: false` and grant `use` of permissive PSPs only to the system service accounts that need them. Better, migrate to Pod Security Admission: PSP was removed in Kubernetes 1.25.",
  refs: { cisAks: ["4.2.1"], mitre: ["T1611"] },
});
