import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-1362",
  name: "GKE client certificate authentication is disabled",
  description:
    "Checks that the cluster issues no client certificate (`masterAuth.clientCertificateConfig.issueClientCertificate`, or a client key/certificate in `masterAuth`).",
  rationale:
    "The issued client certificate is a static credential that cannot be revoked short of rotating the cluster CA; anyone who obtains it keeps access.",
  severity: "medium",
  checks: {
    gke(cluster) {
      const issue = locate(cluster, "masterAuth", "clientCertificateConfig", "issueClientCertificate");
      const key = locate(cluster, "masterAuth", "clientKey") ?? locate(cluster, "masterAuth", "clientCertificate");
      if (isOn(issue?.value) || (typeof key?.value === "string" && key.value !== "")) {
        return [{ message: "The cluster issues a client certificate for authentication", paths: [(issue ?? key)!.path] }];
      }
      return [];
    },
  },
  remediation:
    "Create clusters with `--no-issue-client-certificate`; for an existing cluster, rotate the credentials and stop distributing the client certificate, relying on Google identities instead.",
  refs: {
    cisGke: ["5.8.1"],
  },
});
