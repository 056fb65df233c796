import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0103",
  name: "etcd data directory is owned by the etcd account",
  description:
    "Checks that the etcd data directory is owned by etcd:etcd, or by root:root where etcd runs as root (kubeadm's static pod), and by no other account.",
  rationale:
    "Any other owner of the directory can read and alter the cluster's database directly, bypassing the API server and its authorization.",
  severity: "high",
  roles: ["etcdDataDir"],
  owners: [["etcd", "etcd"], ["root", "root"]],
  remediation:
    "Run `chown etcd:etcd` on the etcd data directory (or `chown root:root` when etcd runs as root, as in kubeadm clusters).",
  refs: {
    kubescape: ["C-0103"],
    cis: ["1.1.12"],
  },
});
