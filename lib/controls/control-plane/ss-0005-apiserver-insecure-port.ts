import { defineControl } from "../../engine/define-control";
import { flagFinding } from "./flag-findings";
import { atLeast } from "./kubernetes-version";
import { componentTargets, lastFlag, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0005",
  name: "API server serves an insecure (plain HTTP) port",
  description:
    "Fails when the kube-apiserver listens on its legacy insecure port: --insecure-port set to a non-zero value, or left unset on a release older than 1.20, where it defaulted to 8080.",
  rationale:
    "Requests on the insecure port skip authentication and authorization entirely. Anyone who can reach it, including any pod on the host network, acts as cluster administrator.",
  severity: "critical",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance) {
    const occurrence = lastFlag(instance, "insecure-port");
    if (occurrence) {
      const port = Number(occurrence.value);
      if (Number.isInteger(port) && port === 0) return [];
      return [
        flagFinding(
          instance,
          occurrence,
          `--insecure-port is ${occurrence.value}: unauthenticated, unauthorized HTTP access to the API`,
          "--insecure-port=0",
        ),
      ];
    }
    // The flag defaulted to 8080 (bound to localhost) until 1.20 and was removed in 1.24.
    if (instance.version && !atLeast(instance.version, 1, 20)) {
      return [
        flagFinding(
          instance,
          undefined,
          `--insecure-port is not set and Kubernetes ${instance.version.raw} then listens on localhost:8080 without authentication`,
          "--insecure-port=0",
        ),
      ];
    }
    return [];
  },
  remediation:
    "Set `--insecure-port=0` on the API server (or upgrade to Kubernetes 1.24+, where the insecure port no longer exists) and reach the API only through the TLS port with authenticated credentials.",
  refs: { kubescape: ["C-0005"], nsa: ["control-plane-hardening"] },
});
