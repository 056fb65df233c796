import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0110",
  name: "Kubernetes PKI directory and files are owned by root:root",
  description:
    "Checks that /etc/kubernetes/pki and every certificate and key under it are owned by root:root.",
  rationale:
    "The PKI directory holds the cluster CA key and the service-account signing key; whoever owns them can mint credentials for any identity.",
  severity: "high",
  roles: ["pkiDir", "pkiFiles"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown -R root:root /etc/kubernetes/pki/`.",
  refs: {
    kubescape: ["C-0110"],
    cis: ["1.1.19"],
  },
});
