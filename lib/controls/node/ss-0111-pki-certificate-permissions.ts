import { defineFileModeControl, isCertificateFile } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0111",
  name: "Kubernetes PKI certificates are 644 or stricter",
  description:
    "Checks that every certificate under /etc/kubernetes/pki (`*.crt`) is writable by its owner only. Certificates are public, so read access for others is accepted, as CIS v1.12 does.",
  rationale:
    "A writable CA or serving certificate can be swapped for one an attacker controls, making components trust the attacker's identities.",
  severity: "high",
  roles: ["pkiFiles"],
  select: isCertificateFile,
  maxMode: 0o644,
  remediation:
    "Run `chmod 644 /etc/kubernetes/pki/*.crt` (and for certificates in subdirectories such as pki/etcd).",
  refs: {
    kubescape: ["C-0111"],
    cis: ["1.1.20"],
  },
});
