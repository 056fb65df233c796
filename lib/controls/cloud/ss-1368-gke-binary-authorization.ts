import { defineClusterControl, isOn, locate } from "./cloud-describe";
import { enumIs } from "./gke-node-pools";

export default defineClusterControl({
  id: "SS-1368",
  name: "GKE Binary Authorization is enforced",
  description:
    "Checks that Binary Authorization evaluates images at deploy time (`binaryAuthorization.evaluationMode` other than DISABLED, or the older `enabled` flag).",
  rationale:
    "Without an admission-time check any image anyone can push or reference runs in the cluster; Binary Authorization lets only attested, trusted images through.",
  severity: "medium",
  checks: {
    gke(cluster) {
      const auth = locate(cluster, "binaryAuthorization");
      const mode = auth && locate(auth, "evaluationMode");
      const enforced =
        (mode !== undefined && !enumIs(mode.value, ["DISABLED", "EVALUATION_MODE_UNSPECIFIED", 0, 1])) || isOn(auth && locate(auth, "enabled")?.value);
      return enforced ? [] : [{ message: "Binary Authorization is not enforced", paths: [mode?.path ?? auth?.path ?? `${cluster.path}.binaryAuthorization`] }];
    },
  },
  remediation:
    "`gcloud container clusters update <cluster> --binauthz-evaluation-mode=PROJECT_SINGLETON_POLICY_ENFORCE` and import a policy that requires attestations from your build pipeline.",
  refs: {
    cisGke: ["5.1.4"],
  },
});
