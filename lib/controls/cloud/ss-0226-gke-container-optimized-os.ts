import { defineControl } from "../../engine/define-control";
import type { K8sObject } from "../../engine/types";

/** GKE nodes carry the node-pool label and a gce:// provider ID. */
function isGkeNode(node: K8sObject): boolean {
  return !!node.metadata?.labels?.["cloud.google.com/gke-nodepool"] || String(node.spec?.providerID ?? "").startsWith("gce://");
}

export default defineControl<K8sObject>({
  id: "SS-0226",
  name: "GKE nodes run Container-Optimized OS",
  description:
    "On GKE nodes (node-pool label or gce:// provider ID), checks that the node image (`status.nodeInfo.osImage`) is Container-Optimized OS. Other clusters' nodes are not judged.",
  rationale:
    "Container-Optimized OS has a read-only root filesystem, a minimal package set, verified boot and automatic security updates, which leaves far less to attack on the node than a general-purpose distribution.",
  severity: "low",
  category: "node",
  kinds: ["Node"],
  evaluate(node) {
    if (!isGkeNode(node)) return null;
    const image = String(node.status?.nodeInfo?.osImage ?? "");
    if (!image) return null;
    return /Container-Optimized OS/i.test(image)
      ? []
      : [{ message: `Node ${node.metadata.name} runs ${image}, not Container-Optimized OS`, paths: ["status.nodeInfo.osImage"] }];
  },
  remediation: "Use the `cos_containerd` image type for node pools: `gcloud container clusters upgrade <cluster> --image-type cos_containerd --node-pool <pool>`.",
  refs: {
    kubescape: ["C-0226"],
    cisGke: ["5.5.1"],
  },
});
