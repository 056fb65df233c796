import { defineFileModeControl, isPrivateKeyFile } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0112",
  name: "Kubernetes PKI private keys are 600 or stricter",
  description:
    "Checks that every private key under /etc/kubernetes/pki (`*.key`) is readable and writable by its owner only.",
  rationale:
    "The keys under pki sign cluster certificates and service-account tokens; a local account that can read them can impersonate any user or component.",
  severity: "high",
  roles: ["pkiFiles"],
  select: isPrivateKeyFile,
  maxMode: 0o600,
  remediation:
    "Run `chmod 600 /etc/kubernetes/pki/*.key` (and for keys in subdirectories such as pki/etcd).",
  refs: {
    kubescape: ["C-0112"],
    cis: ["1.1.21"],
  },
});
