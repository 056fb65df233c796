import { locate } from "./cloud-describe";
import { defineGkeNodePoolControl, enumIs } from "./gke-node-pools";

export default defineGkeNodePoolControl({
  id: "SS-1353",
  name: "GKE node pools use the GKE metadata server",
  description:
    "Checks that every node pool exposes the GKE metadata server to pods (`config.workloadMetadataConfig.mode: GKE_METADATA`) instead of the Compute Engine metadata server.",
  rationale:
    "The GKE metadata server hides the node's credentials and sensitive instance metadata (such as kubelet bootstrap credentials) from pods and hands out Workload Identity tokens instead.",
  severity: "high",
  problem(pool, name) {
    const mode = locate(pool, "config", "workloadMetadataConfig", "mode");
    // The deprecated nodeMetadata field numbers its values differently (3 = GKE_METADATA_SERVER).
    const legacy = locate(pool, "config", "workloadMetadataConfig", "nodeMetadata");
    if (enumIs(mode?.value, ["GKE_METADATA", 2]) || enumIs(legacy?.value, ["GKE_METADATA_SERVER", 3])) return undefined;
    return { message: `Node pool ${name} exposes the Compute Engine metadata server to pods`, path: mode?.path ?? `${pool.path}.config.workloadMetadataConfig` };
  },
  remediation:
    "`gcloud container node-pools update <pool> --cluster <cluster> --workload-metadata=GKE_METADATA` (Workload Identity must be enabled on the cluster).",
  refs: {
    cisGke: ["5.4.1"],
  },
});
