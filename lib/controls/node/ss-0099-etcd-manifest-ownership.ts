import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0099",
  name: "etcd manifest is owned by root:root",
  description:
    "Checks that the etcd static pod manifest is owned by root:root.",
  rationale:
    "A non-root owner of the manifest controls how etcd \u2014 the cluster's whole state \u2014 is run.",
  severity: "medium",
  roles: ["etcdManifest"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root` on the etcd manifest.",
  refs: {
    kubescape: ["C-0099"],
    cis: ["1.1.8"],
  },
});
