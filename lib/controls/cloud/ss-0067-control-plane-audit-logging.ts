import { asList, defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-0067",
  name: "Managed control plane logs are enabled",
  description:
    "EKS: checks that the `audit` control-plane log type is enabled (ClusterLogging). GKE: checks that cluster logging is not turned off (`loggingService: none` or an empty component list).",
  rationale:
    "The control plane's audit and component logs are the record of who did what in the cluster; without them an intrusion or a destructive change cannot be investigated.",
  severity: "medium",
  category: "cloud",
  checks: {
    eks(cluster) {
      const logging = locate(cluster, "logging", "clusterLogging");
      const enabled = asList(logging?.value).flatMap((setup) => {
        const s = { value: setup, path: "" };
        return isOn(locate(s, "enabled")?.value) ? asList(locate(s, "types")?.value).map(String) : [];
      });
      if (enabled.includes("audit")) return [];
      return [
        {
          message: `EKS audit logs are not enabled${enabled.length ? ` (enabled log types: ${enabled.join(", ")})` : ""}`,
          paths: [logging?.path ?? `${cluster.path}.logging`],
        },
      ];
    },
    gke(cluster) {
      const service = locate(cluster, "loggingService");
      if (service?.value === "none") return [{ message: "GKE cluster logging is disabled (loggingService: none)", paths: [service.path] }];
      const components = locate(cluster, "loggingConfig", "componentConfig", "enableComponents");
      if (components && asList(components.value).length === 0) {
        return [{ message: "GKE cluster logging has no enabled components", paths: [components.path] }];
      }
      return service || components ? [] : null;
    },
  },
  remediation:
    "EKS: `aws eks update-cluster-config --logging '{\"clusterLogging\":[{\"types\":[\"api\",\"audit\",\"authenticator\",\"controllerManager\",\"scheduler\"],\"enabled\":true}]}'`. GKE: `gcloud container clusters update --logging=SYSTEM,WORKLOAD` (and keep Cloud Audit Logs enabled). Retain the logs for your investigation window.",
  refs: {
    kubescape: ["C-0067"],
    cisEks: ["2.1.1"],
    cisGke: ["5.7.1"],
    nsa: ["audit-logging"],
    mitre: ["T1562.008"],
    soc2: ["CC7.2"],
  },
});
