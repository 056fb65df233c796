import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0095",
  name: "Controller manager manifest is owned by root:root",
  description:
    "Checks that the kube-controller-manager static pod manifest is owned by root:root.",
  rationale:
    "Another owner could rewrite the manifest and run the controller manager, with its powerful credentials, under settings of their choice.",
  severity: "medium",
  roles: ["controllerManagerManifest"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root` on the controller manager manifest.",
  refs: {
    kubescape: ["C-0095"],
    cis: ["1.1.4"],
  },
});
