import { locate } from "./cloud-describe";
import { defineGkeNodePoolControl } from "./gke-node-pools";

export default defineGkeNodePoolControl({
  id: "SS-1351",
  name: "GKE nodes do not run as the Compute Engine default service account",
  description:
    "Checks every GKE node pool's service account (`config.serviceAccount`): `default` or the project's `-compute@developer.gserviceaccount.com` account fails.",
  rationale:
    "The Compute Engine default service account holds the Editor role on the project by default; every pod that reaches the node's credentials inherits it.",
  severity: "medium",
  problem(pool, name) {
    const account = locate(pool, "config", "serviceAccount");
    const value = String(account?.value ?? "default");
    if (value !== "default" && !value.endsWith("-compute@developer.gserviceaccount.com")) return undefined;
    return { message: `Node pool ${name} runs as the Compute Engine default service account`, path: account?.path ?? `${pool.path}.config.serviceAccount` };
  },
  remediation:
    "Create a dedicated service account with only roles/logging.logWriter, roles/monitoring.metricWriter, roles/monitoring.viewer (and artifactregistry.reader if needed), create node pools with `--service-account` and migrate workloads off the old pools.",
  refs: {
    cisGke: ["5.2.1"],
  },
});
