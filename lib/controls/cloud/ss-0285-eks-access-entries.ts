import { defineClusterControl, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-0285",
  name: "EKS uses access entries (Cluster Access Management API)",
  description:
    "Checks that the EKS cluster's authentication mode includes the Cluster Access Management API (`API` or `API_AND_CONFIG_MAP`) instead of relying only on the aws-auth ConfigMap.",
  rationale:
    "The aws-auth ConfigMap maps IAM identities to Kubernetes groups with no validation: one bad edit can lock everyone out or silently grant system:masters. Access entries are managed through IAM with auditing and cannot be changed by in-cluster users.",
  severity: "medium",
  category: "access-control",
  checks: {
    eks(cluster) {
      const mode = locate(cluster, "accessConfig", "authenticationMode");
      if (mode?.value === "API" || mode?.value === "API_AND_CONFIG_MAP") return [];
      return [
        {
          message: `EKS authentication relies on the aws-auth ConfigMap only (authenticationMode ${mode?.value ?? "not set"})`,
          paths: [mode?.path ?? `${cluster.path}.accessConfig.authenticationMode`],
        },
      ];
    },
  },
  remediation:
    "Run `aws eks update-cluster-config --access-config authenticationMode=API_AND_CONFIG_MAP`, create access entries for the IAM principals in aws-auth, then switch to `API` and delete the ConfigMap mappings.",
  refs: {
    kubescape: ["C-0285"],
    cisEks: ["5.5.1"],
  },
});
