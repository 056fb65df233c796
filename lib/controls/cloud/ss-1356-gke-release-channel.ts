import { defineClusterControl, locate } from "./cloud-describe";
import { enumIs } from "./gke-node-pools";

export default defineClusterControl({
  id: "SS-1356",
  name: "GKE cluster is enrolled in a release channel",
  description:
    "Checks that the cluster follows a release channel (`releaseChannel.channel` RAPID, REGULAR, STABLE or EXTENDED).",
  rationale:
    "Clusters outside a release channel depend on someone remembering to upgrade them; channels deliver security patches to the control plane and nodes on a predictable schedule.",
  severity: "low",
  checks: {
    gke(cluster) {
      const channel = locate(cluster, "releaseChannel", "channel");
      if (enumIs(channel?.value, ["RAPID", "REGULAR", "STABLE", "EXTENDED", 1, 2, 3, 4])) return [];
      return [{ message: "The cluster is not enrolled in a release channel", paths: [channel?.path ?? `${cluster.path}.releaseChannel`] }];
    },
  },
  remediation:
    "`gcloud container clusters update <cluster> --release-channel=regular` (or stable).",
  refs: {
    cisGke: ["5.5.4"],
  },
});
