import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0197",
  kubescape: "C-0197",
  name: "Namespace admits containers allowing privilege escalation",
  feature: "allow privilege escalation (allowPrivilegeEscalation not false)",
  minimumLevel: "restricted",
  severity: "medium",
  rationale:
    "Without no_new_privs a process can gain privileges through setuid binaries or file capabilities, turning a limited foothold into root inside the container.",
  refs: { cis: ["5.2.6"], cisEks: ["4.2.5"] },
});
