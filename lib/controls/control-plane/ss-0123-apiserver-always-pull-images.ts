import { defineControl } from "../../engine/define-control";
import { requireAdmissionPlugin } from "./admission-plugins";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0123",
  name: "API server does not force image pulls (AlwaysPullImages)",
  description: "Fails unless the AlwaysPullImages admission plugin is enabled on the kube-apiserver.",
  rationale:
    "Images cached on a node can be started by any pod on that node, even by tenants who lack the registry credentials. AlwaysPullImages makes every pod pull, so the registry checks its credentials each time.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) =>
    requireAdmissionPlugin(instance, "AlwaysPullImages", "pods can start private images already cached on the node without registry credentials"),
  remediation:
    "Add AlwaysPullImages to `--enable-admission-plugins`. Air-gapped clusters that rely on pre-loaded images should instead use the kubelet's image credential verification (KubeletEnsureSecretPulledImages) where available.",
  refs: { kubescape: ["C-0123"], cis: ["1.2.11"] },
});
