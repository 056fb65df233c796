import { isOn, locate } from "./cloud-describe";
import { defineGkeNodePoolControl } from "./gke-node-pools";

export default defineGkeNodePoolControl({
  id: "SS-1358",
  name: "GKE node integrity monitoring is enabled",
  description:
    "Checks that every node pool enables integrity monitoring of its Shielded VMs (`config.shieldedInstanceConfig.enableIntegrityMonitoring`).",
  rationale:
    "Integrity monitoring compares each boot against a known-good baseline and reports boot-level tampering (rootkits, modified kernels) that is otherwise invisible.",
  severity: "low",
  problem(pool, name) {
    const flag = locate(pool, "config", "shieldedInstanceConfig", "enableIntegrityMonitoring");
    return isOn(flag?.value) ? undefined : { message: `Node pool ${name} does not monitor boot integrity`, path: flag?.path ?? `${pool.path}.config.shieldedInstanceConfig` };
  },
  remediation:
    "Create node pools with `--shielded-integrity-monitoring` and migrate workloads from pools without it.",
  refs: {
    cisGke: ["5.5.6"],
  },
});
