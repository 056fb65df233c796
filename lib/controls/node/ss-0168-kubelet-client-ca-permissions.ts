import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0168",
  name: "Kubelet client CA file permissions are 644 or stricter",
  description:
    "Checks that the CA bundle the kubelet uses to verify client certificates is writable by its owner only (the benchmark accepts 644: the bundle is public).",
  rationale:
    "Whoever can write the client CA file can add their own CA and then call the kubelet API with certificates they issue themselves.",
  severity: "high",
  roles: ["kubeletClientCA"],
  maxMode: 0o644,
  remediation:
    "Run `chmod 644` on the kubelet client CA file (`authentication.x509.clientCAFile`).",
  refs: {
    kubescape: ["C-0168"],
    cis: ["4.1.7"],
  },
});
