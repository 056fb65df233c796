import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0164",
  name: "kube-proxy kubeconfig permissions are 600 or stricter",
  description:
    "Checks that kube-proxy's kubeconfig, when kube-proxy runs with one on the node, grants no access beyond read-write for its owner.",
  rationale:
    "The file holds kube-proxy's credentials; with them a local user can watch every Service and Endpoint of the cluster and act as kube-proxy.",
  severity: "medium",
  roles: ["kubeProxyKubeconfig"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600` on the kube-proxy kubeconfig file.",
  refs: {
    kubescape: ["C-0164"],
    cis: ["4.1.3"],
  },
});
