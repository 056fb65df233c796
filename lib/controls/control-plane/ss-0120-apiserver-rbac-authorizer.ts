import { defineControl } from "../../engine/define-control";
import { authorizationModeFix, authorizationModes } from "./authorization-modes";
import { flagFinding } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0120",
  name: "API server does not use RBAC authorization",
  description:
    "Fails unless the kube-apiserver's --authorization-mode includes RBAC. Not evaluated when authorization comes from an --authorization-config file.",
  rationale:
    "RBAC is the authorizer that lets least-privilege Roles and bindings take effect; without it access is either unrestricted (AlwaysAllow) or defined in static ABAC files that are hard to audit.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance) {
    const current = authorizationModes(instance);
    if (!current) return null;
    if (current.modes.includes("RBAC")) return [];
    const message = current.occurrence
      ? `--authorization-mode is ${current.modes.join(",")} without RBAC: Roles and bindings are not enforced`
      : "--authorization-mode is not set (AlwaysAllow): Roles and bindings are not enforced";
    return [flagFinding(instance, current.occurrence, message, authorizationModeFix(current, "RBAC", true))];
  },
  remediation: "Include RBAC in the API server's `--authorization-mode` (for example `--authorization-mode=Node,RBAC`) and review the bindings that become effective.",
  refs: { kubescape: ["C-0120"], cis: ["1.2.8"], nsa: ["authentication-and-authorization"] },
});
