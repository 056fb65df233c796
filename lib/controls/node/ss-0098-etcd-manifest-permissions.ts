import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0098",
  name: "etcd manifest permissions are 600 or stricter",
  description:
    "Checks that the etcd static pod manifest grants no access beyond read-write for its owner.",
  rationale:
    "etcd stores every object of the cluster, Secrets included; editing its manifest can expose the data (no client auth, extra listeners) or replace the image.",
  severity: "medium",
  roles: ["etcdManifest"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600` on the etcd manifest (/etc/kubernetes/manifests/etcd.yaml on kubeadm nodes).",
  refs: {
    kubescape: ["C-0098"],
    cis: ["1.1.7"],
  },
});
