import { defineClusterControl, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-1352",
  name: "GKE Workload Identity is enabled",
  description:
    "Checks that the GKE cluster has a workload identity pool (`workloadIdentityConfig.workloadPool`), so pods can get their own Google service account identity.",
  rationale:
    "Without Workload Identity, pods that need Google APIs use the node's service account or exported keys, so every pod on a node shares the same cloud permissions.",
  severity: "medium",
  checks: {
    gke(cluster) {
      const pool = locate(cluster, "workloadIdentityConfig", "workloadPool");
      return pool?.value ? [] : [{ message: "Workload Identity is not enabled", paths: [pool?.path ?? `${cluster.path}.workloadIdentityConfig`] }];
    },
  },
  remediation:
    "`gcloud container clusters update <cluster> --workload-pool=<project>.svc.id.goog`, then update node pools to `--workload-metadata=GKE_METADATA` and bind Kubernetes service accounts to Google service accounts.",
  refs: {
    cisGke: ["5.2.2"],
  },
});
