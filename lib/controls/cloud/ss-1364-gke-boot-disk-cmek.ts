import { locate } from "./cloud-describe";
import { defineGkeNodePoolControl } from "./gke-node-pools";

export default defineGkeNodePoolControl({
  id: "SS-1364",
  name: "GKE node boot disks use a customer-managed key",
  description:
    "Checks that every node pool encrypts its boot disks with a Cloud KMS key (`config.bootDiskKmsKey`).",
  rationale:
    "Node boot disks hold container images, logs and cached secrets; a customer-managed key lets you control, audit and revoke access to that data.",
  severity: "low",
  problem(pool, name) {
    const key = locate(pool, "config", "bootDiskKmsKey");
    return key?.value ? undefined : { message: `Node pool ${name} boot disks use Google-managed keys`, path: key?.path ?? `${pool.path}.config.bootDiskKmsKey` };
  },
  remediation:
    "Create node pools with `--boot-disk-kms-key projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>` and migrate workloads.",
  refs: {
    cisGke: ["5.9.2"],
  },
});
