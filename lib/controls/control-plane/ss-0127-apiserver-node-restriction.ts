import { defineControl } from "../../engine/define-control";
import { requireAdmissionPlugin } from "./admission-plugins";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0127",
  name: "API server NodeRestriction admission plugin is off",
  description: "Fails unless the NodeRestriction admission plugin is enabled on the kube-apiserver (it is not on by default).",
  rationale:
    "NodeRestriction stops a kubelet from editing other Nodes, pods bound to other nodes, or the node-role labels that steer workloads; without it one compromised node can relabel itself to attract sensitive pods.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => requireAdmissionPlugin(instance, "NodeRestriction", "a kubelet can modify other nodes and pods"),
  remediation: "Add NodeRestriction to `--enable-admission-plugins` and keep Node in `--authorization-mode`.",
  refs: { kubescape: ["C-0127"], cis: ["1.2.14"] },
});
