import { defineNodeControl } from "./node-targets";
import { evaluateKubeletClientCA } from "./kubelet-setting-specs";

export default defineNodeControl({
  id: "SS-0070",
  name: "Kubelet does not verify client certificates",
  description:
    "Fails on a node whose kubelet has no client CA (`--client-ca-file` or `authentication.x509.clientCAFile`), so it cannot authenticate the API server and other callers by certificate.",
  rationale:
    "Without a client CA the kubelet cannot tell the API server from any other caller presenting a certificate; its API then relies on anonymous access or tokens alone, and exec/logs traffic can be abused by whoever reaches the node.",
  severity: "critical",
  evaluate: evaluateKubeletClientCA,
  remediation:
    "Point `authentication.x509.clientCAFile` in the kubelet config file (or `--client-ca-file`) at the cluster CA bundle, usually /etc/kubernetes/pki/ca.crt, and restart the kubelet.",
  refs: {
    kubescape: ["C-0070"],
    nsa: ["authentication-and-authorization"],
    mitre: ["T1609"],
  },
});
