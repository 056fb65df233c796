import { defineNodeControl } from "./node-targets";
import { evaluateKubeletClientCA } from "./kubelet-setting-specs";

export default defineNodeControl({
  id: "SS-0174",
  name: "Kubelet client CA file is set",
  description:
    "Checks that the kubelet's effective client CA (`--client-ca-file` flag, else `authentication.x509.clientCAFile` in the config file) is set.",
  rationale:
    "The client CA is what lets the kubelet authenticate the API server's client certificate on exec, logs and port-forward connections; without it those connections cannot be tied to a trusted identity.",
  severity: "medium",
  evaluate: evaluateKubeletClientCA,
  remediation:
    "Set `authentication.x509.clientCAFile` in the kubelet config file (or `--client-ca-file`) to the cluster CA certificate and restart the kubelet.",
  refs: {
    kubescape: ["C-0174"],
    cis: ["4.2.3"],
    cisEks: ["3.2.3"],
    cisAks: ["3.2.3"],
    cisGke: ["3.2.3"],
  },
});
