import { defineControl } from "../../engine/define-control";
import { flagFinding } from "./flag-findings";
import { componentTargets, lastFlag, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0128",
  name: "API server TLS port is disabled",
  description:
    "Fails when the effective --secure-port of the kube-apiserver is 0 (or not a port number). The last setting wins when the flag is repeated; the default is 6443.",
  rationale:
    "With the secure port off, the API is served only over plain HTTP (if at all): credentials and Secrets cross the network unencrypted and clients cannot verify the server.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance) {
    const occurrence = lastFlag(instance, "secure-port");
    if (!occurrence) return [];
    const port = Number(occurrence.value);
    if (Number.isInteger(port) && port > 0 && port <= 65535) return [];
    const message = port === 0 ? "--secure-port is 0: the TLS endpoint is switched off" : `--secure-port is "${occurrence.value}", not a valid port`;
    return [flagFinding(instance, occurrence, message, "--secure-port=6443")];
  },
  remediation: "Remove `--secure-port=0` (the default is 6443) or set it to the TLS port clients use.",
  refs: { kubescape: ["C-0128"] },
});
