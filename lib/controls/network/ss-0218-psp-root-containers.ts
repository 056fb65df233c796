import { definePspControl } from "./pod-security-policy";

export default definePspControl({
  id: "SS-0218",
  kubescape: "C-0218",
  name: "Every PodSecurityPolicy admits root containers",
  feature: "run as the root user",
  severity: "medium",
  rationale:
    "If every PSP lets containers run as UID 0, any process escaping its container does so as root.",
  permits(spec) {
    const runAsUser = (spec.runAsUser ?? {}) as { rule?: unknown; ranges?: unknown };
    if (runAsUser.rule === "MustRunAsNonRoot") return undefined;
    const ranges = Array.isArray(runAsUser.ranges) ? (runAsUser.ranges as { min?: unknown }[]) : [];
    if (runAsUser.rule === "MustRunAs" && ranges.length > 0 && ranges.every((r) => typeof r?.min === "number" && r.min > 0)) {
      return undefined;
    }
    return { path: "spec.runAsUser.rule", detail: `runAsUser rule ${String(runAsUser.rule ?? "unset")} admits UID 0` };
  },
  remediation:
    "Provide a PodSecurityPolicy with `runAsUser.rule: MustRunAsNonRoot` (or `MustRunAs` with ranges starting above 0), or migrate to Pod Security Admission (restricted level).",
  refs: { cisAks: ["4.2.6"] },
});
