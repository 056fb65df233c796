import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0102",
  name: "etcd data directory permissions are 700 or stricter",
  description:
    "Checks that the etcd data directory (`--data-dir`) grants no access to group or others.",
  rationale:
    "The data directory holds the database with every Secret of the cluster in it (plain text unless encryption at rest is on): read access is cluster compromise.",
  severity: "high",
  roles: ["etcdDataDir"],
  maxMode: 0o700,
  remediation:
    "Run `chmod 700` on the etcd data directory (/var/lib/etcd on kubeadm nodes).",
  refs: {
    kubescape: ["C-0102"],
    cis: ["1.1.11"],
  },
});
