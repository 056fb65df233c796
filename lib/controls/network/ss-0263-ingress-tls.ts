import { defineControl } from "../../engine/define-control";
import { ingressTlsViolations } from "./ingress-tls";

export default defineControl({
  id: "SS-0263",
  name: "Ingress without TLS",
  description:
    "Fails an Ingress with no `spec.tls` entry, or whose TLS entries name hosts that leave some of its rule hosts uncovered.",
  rationale:
    "Traffic to an Ingress without TLS crosses the internet in clear text: credentials, session cookies and data can be read or altered by anyone on the path.",
  severity: "high",
  category: "network",
  kinds: ["Ingress"],
  evaluate: (ingress) => ingressTlsViolations(ingress),
  remediation:
    "Add a `spec.tls` entry listing every host of the Ingress with a certificate Secret (cert-manager can issue and renew it), and configure the controller to redirect HTTP to HTTPS.",
  refs: {
    kubescape: ["C-0263"],
    soc2: ["CC6.1", "CC6.6", "CC6.7"],
  },
});
