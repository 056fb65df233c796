import { defineControl } from "../../engine/define-control";
import { forbidAdmissionPlugin } from "./admission-plugins";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0122",
  name: "API server admits everything (AlwaysAdmit)",
  description: "Fails when the deprecated AlwaysAdmit admission plugin is enabled on the kube-apiserver.",
  rationale:
    "AlwaysAdmit accepts every request regardless of what the other admission plugins decide, which switches off admission control (pod security, quotas, node restrictions) altogether.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => forbidAdmissionPlugin(instance, "AlwaysAdmit", "every request is admitted whatever the other plugins decide"),
  remediation: "Remove AlwaysAdmit from `--enable-admission-plugins` (or from the legacy `--admission-control` list).",
  refs: { kubescape: ["C-0122"], cis: ["1.2.10"] },
});
