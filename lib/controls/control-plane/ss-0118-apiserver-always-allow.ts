import { defineControl } from "../../engine/define-control";
import { authorizationModeFix, authorizationModes } from "./authorization-modes";
import { flagFinding } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0118",
  name: "API server authorizes every request (AlwaysAllow)",
  description:
    "Fails when the kube-apiserver's authorization modes include AlwaysAllow, including when --authorization-mode is absent (its default is AlwaysAllow). Not evaluated when authorization comes from an --authorization-config file.",
  rationale:
    "AlwaysAllow lets every authenticated (and, with anonymous auth, every unauthenticated) request do anything; since authorizers are chained, it also overrides the denials of RBAC placed after it.",
  severity: "critical",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance) {
    const current = authorizationModes(instance);
    if (!current) return null;
    if (!current.modes.includes("AlwaysAllow")) return [];
    const message = current.occurrence
      ? `--authorization-mode includes AlwaysAllow (${current.modes.join(",")}): every request is authorized`
      : "--authorization-mode is not set, so every request is authorized (AlwaysAllow)";
    return [flagFinding(instance, current.occurrence, message, authorizationModeFix(current, "AlwaysAllow", false))];
  },
  remediation: "Set `--authorization-mode=Node,RBAC` on the API server and grant access through RBAC roles and bindings.",
  refs: { kubescape: ["C-0118"], cis: ["1.2.6"], mitre: ["T1078"] },
});
