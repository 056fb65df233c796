import { defineClusterControl, isOn, locate, minorVersion, type Located } from "./cloud-describe";

/** PodSecurityPolicy was removed in Kubernetes 1.25: later clusters rely on Pod Security Admission instead. */
function pspStillExists(cluster: Located, ...versionField: string[][]): boolean | undefined {
  for (const path of versionField) {
    const minor = minorVersion(locate(cluster, ...path)?.value);
    if (minor !== undefined) return minor < 25;
  }
  return undefined;
}

export default defineClusterControl({
  id: "SS-0068",
  name: "PodSecurityPolicy admission is enabled (clusters before 1.25)",
  description:
    "On GKE and AKS clusters older than Kubernetes 1.25, checks that the PodSecurityPolicy admission controller is enabled. Newer clusters no longer have PodSecurityPolicy and are not judged here (Pod Security Admission controls cover them).",
  rationale:
    "Without a pod security admission mechanism any user who can create pods can create privileged ones that take over their node.",
  severity: "low",
  category: "admission",
  checks: {
    gke(cluster) {
      if (pspStillExists(cluster, ["currentMasterVersion"], ["initialClusterVersion"]) !== true) return null;
      const enabled = locate(cluster, "podSecurityPolicyConfig", "enabled");
      return isOn(enabled?.value)
        ? []
        : [{ message: "PodSecurityPolicy admission is not enabled", paths: [enabled?.path ?? `${cluster.path}.podSecurityPolicyConfig.enabled`] }];
    },
    aks(properties) {
      if (pspStillExists(properties, ["currentKubernetesVersion"], ["kubernetesVersion"]) !== true) return null;
      const enabled = locate(properties, "enablePodSecurityPolicy");
      return isOn(enabled?.value)
        ? []
        : [{ message: "PodSecurityPolicy admission is not enabled", paths: [enabled?.path ?? `${properties.path}.enablePodSecurityPolicy`] }];
    },
  },
  remediation:
    "Upgrade to Kubernetes 1.25 or later and enforce Pod Security Admission labels on every namespace. Until then, enable PodSecurityPolicy (`gcloud beta container clusters update --enable-pod-security-policy`) with restrictive policies bound to all service accounts.",
  refs: {
    kubescape: ["C-0068"],
    nsa: ["pod-security-enforcement"],
    mitre: ["T1610"],
  },
});
