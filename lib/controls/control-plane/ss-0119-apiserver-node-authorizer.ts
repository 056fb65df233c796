import { defineControl } from "../../engine/define-control";
import { authorizationModeFix, authorizationModes } from "./authorization-modes";
import { flagFinding } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0119",
  name: "API server does not use the Node authorizer",
  description:
    "Fails unless the kube-apiserver's --authorization-mode includes Node. Not evaluated when authorization comes from an --authorization-config file.",
  rationale:
    "The Node authorizer limits each kubelet to the Secrets, ConfigMaps and volumes of the pods scheduled on its node. Without it a stolen kubelet credential reads objects cluster-wide.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance) {
    const current = authorizationModes(instance);
    if (!current) return null;
    if (current.modes.includes("Node")) return [];
    const message = current.occurrence
      ? `--authorization-mode is ${current.modes.join(",")} without Node: kubelets are not confined to their own pods' objects`
      : "--authorization-mode is not set (AlwaysAllow): kubelets are not confined to their own pods' objects";
    return [flagFinding(instance, current.occurrence, message, authorizationModeFix(current, "Node", true))];
  },
  remediation: "Include Node in the API server's `--authorization-mode` (for example `--authorization-mode=Node,RBAC`) together with the NodeRestriction admission plugin.",
  refs: { kubescape: ["C-0119"], cis: ["1.2.7"] },
});
