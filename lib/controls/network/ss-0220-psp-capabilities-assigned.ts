import { definePspControl } from "./pod-security-policy";

export default definePspControl({
  id: "SS-0220",
  kubescape: "C-0220",
  name: "No PodSecurityPolicy requires dropping all capabilities",
  feature: "keep the runtime's default capabilities",
  severity: "medium",
  rationale:
    "Unless a PSP requires dropping ALL capabilities, containers keep the runtime default set (NET_RAW, CHOWN, SETUID, \u2026), most of which applications never need.",
  permits(spec) {
    const drop = Array.isArray(spec.requiredDropCapabilities) ? spec.requiredDropCapabilities : [];
    if (drop.some((c) => typeof c === "string" && c.toUpperCase() === "ALL")) return undefined;
    return { path: "spec.requiredDropCapabilities", detail: drop.length ? `requiredDropCapabilities lacks ALL (${drop.join(", ")})` : "no requiredDropCapabilities" };
  },
  remediation:
    "Set `requiredDropCapabilities: [ALL]` in the PodSecurityPolicy used by ordinary workloads, or migrate to Pod Security Admission (restricted level).",
  refs: {  },
});
