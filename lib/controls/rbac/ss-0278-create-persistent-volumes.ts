import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0278",
  name: "Minimize access to create persistent volumes",
  description:
    "Fails each subject whose ClusterRoleBindings allow creating PersistentVolumes (cluster-scoped: a RoleBinding cannot grant it).",
  rationale:
    "A PersistentVolume can point at a hostPath; whoever creates one and binds a claim to it mounts the node's filesystem without needing a privileged pod.",
  severity: "medium",
  patterns: CAPABILITY.createPersistentVolumes,
  capability: "can create PersistentVolumes",
  remediation: "Leave PersistentVolume creation to storage provisioners and administrators; users should request storage through PersistentVolumeClaims.",
  refs: { kubescape: ["C-0278"], cis: ["5.1.9"] },
});
