import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0093",
  name: "API server manifest is owned by root:root",
  description:
    "Checks that the kube-apiserver static pod manifest is owned by user root and group root.",
  rationale:
    "A manifest owned by another account can be rewritten by that account, which is enough to take over the API server and with it the cluster.",
  severity: "medium",
  roles: ["apiServerManifest"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root` on the API server manifest on every control-plane node.",
  refs: {
    kubescape: ["C-0093"],
    cis: ["1.1.2"],
  },
});
