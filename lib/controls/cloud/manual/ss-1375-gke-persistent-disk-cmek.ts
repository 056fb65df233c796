import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-1375",
  name: "GKE persistent disks use customer-managed keys",
  description:
    "Manual review: StorageClasses used for persistent volumes set a Cloud KMS key (`disk-encryption-kms-key`).",
  rationale:
    "Application data on persistent disks is otherwise protected only by keys you do not control or audit.",
  severity: "low",
  category: "cloud",
  manual: true,
  needs: ["cloud"],
  remediation:
    "Create a StorageClass for the pd.csi.storage.gke.io driver with `disk-encryption-kms-key` and use it for new volumes; migrate existing data.",
  refs: {
    cisGke: ["5.9.1"],
  },
});
