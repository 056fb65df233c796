import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0165",
  name: "kube-proxy kubeconfig is owned by root:root",
  description:
    "Checks that kube-proxy's kubeconfig, when present on the node, is owned by root:root.",
  rationale:
    "Another owner can read or replace kube-proxy's credentials.",
  severity: "medium",
  roles: ["kubeProxyKubeconfig"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root` on the kube-proxy kubeconfig file.",
  refs: {
    kubescape: ["C-0165"],
    cis: ["4.1.4"],
    cisGke: ["3.1.2"],
  },
});
