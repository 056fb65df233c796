import { isOn, locate } from "./cloud-describe";
import { defineGkeNodePoolControl } from "./gke-node-pools";

export default defineGkeNodePoolControl({
  id: "SS-1359",
  name: "GKE node Secure Boot is enabled",
  description:
    "Checks that every node pool boots its Shielded VMs with Secure Boot (`config.shieldedInstanceConfig.enableSecureBoot`).",
  rationale:
    "Secure Boot only lets signed boot components and kernel modules load, which blocks boot-level malware and unsigned kernel modules on the node.",
  severity: "low",
  problem(pool, name) {
    const flag = locate(pool, "config", "shieldedInstanceConfig", "enableSecureBoot");
    return isOn(flag?.value) ? undefined : { message: `Node pool ${name} boots without Secure Boot`, path: flag?.path ?? `${pool.path}.config.shieldedInstanceConfig` };
  },
  remediation:
    "Create node pools with `--shielded-secure-boot` (third-party unsigned kernel modules will not load) and migrate workloads from pools without it.",
  refs: {
    cisGke: ["5.5.7"],
  },
});
