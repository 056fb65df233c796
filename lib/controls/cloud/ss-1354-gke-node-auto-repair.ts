import { isOn, locate } from "./cloud-describe";
import { defineGkeNodePoolControl } from "./gke-node-pools";

export default defineGkeNodePoolControl({
  id: "SS-1354",
  name: "GKE node auto-repair is enabled",
  description:
    "Checks that every node pool has auto-repair (`management.autoRepair`).",
  rationale:
    "Auto-repair replaces nodes that fail health checks; without it broken or tampered nodes linger, and their workloads run degraded.",
  severity: "low",
  problem(pool, name) {
    const repair = locate(pool, "management", "autoRepair");
    return isOn(repair?.value) ? undefined : { message: `Node pool ${name} does not repair unhealthy nodes automatically`, path: repair?.path ?? `${pool.path}.management` };
  },
  remediation:
    "`gcloud container node-pools update <pool> --cluster <cluster> --enable-autorepair`.",
  refs: {
    cisGke: ["5.5.2"],
  },
});
