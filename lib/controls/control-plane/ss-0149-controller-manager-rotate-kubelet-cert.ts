import { defineControl } from "../../engine/define-control";
import { flagFinding } from "./flag-findings";
import { componentTargets, featureGates, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0149",
  name: "Controller manager disables kubelet serving-certificate rotation",
  description:
    "Fails when the kube-controller-manager's --feature-gates turn RotateKubeletServerCertificate off (it is on by default since 1.12) or give it a value that is not a boolean.",
  rationale:
    "Without rotation kubelet serving certificates are long-lived and self-signed, so they cannot be verified by the API server and stay valid long after a node is compromised.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-controller-manager"),
  evaluate(instance) {
    const gate = featureGates(instance).get("RotateKubeletServerCertificate");
    if (!gate || gate.enabled === true) return [];
    const shown = gate.enabled === false ? "false" : "not a boolean";
    return [flagFinding(instance, gate.occurrence, `--feature-gates sets RotateKubeletServerCertificate to ${shown}: kubelet serving certificates are not rotated`)];
  },
  remediation: "Remove `RotateKubeletServerCertificate=false` from the controller manager's `--feature-gates` (or set it to true).",
  refs: { kubescape: ["C-0149"], cis: ["1.3.6"] },
});
