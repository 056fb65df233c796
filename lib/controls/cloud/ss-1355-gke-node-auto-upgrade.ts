import { isOn, locate } from "./cloud-describe";
import { defineGkeNodePoolControl } from "./gke-node-pools";

export default defineGkeNodePoolControl({
  id: "SS-1355",
  name: "GKE node auto-upgrade is enabled",
  description:
    "Checks that every node pool has auto-upgrade (`management.autoUpgrade`).",
  rationale:
    "Nodes that are not upgraded keep known kubelet, container runtime and kernel vulnerabilities long after fixes ship.",
  severity: "medium",
  problem(pool, name) {
    const upgrade = locate(pool, "management", "autoUpgrade");
    return isOn(upgrade?.value) ? undefined : { message: `Node pool ${name} is not upgraded automatically`, path: upgrade?.path ?? `${pool.path}.management` };
  },
  remediation:
    "`gcloud container node-pools update <pool> --cluster <cluster> --enable-autoupgrade`, with a maintenance window that suits your workloads.",
  refs: {
    cisGke: ["5.5.3"],
  },
});
