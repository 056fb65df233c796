import { hasKubeletFacts, kubeletConfigState, kubeletFeatureGate, unreadableReason, unverifiable } from "./kubelet-settings";
import { defineNodeControl } from "./node-targets";

const GATE = "RotateKubeletServerCertificate";

export default defineNodeControl({
  id: "SS-0183",
  name: "Kubelet serving certificate rotation is enabled",
  description:
    "Fails when the RotateKubeletServerCertificate feature gate is turned off (`--feature-gates`, which overrides the config file's `featureGates`). The gate is on by default.",
  rationale:
    "With the gate off the kubelet cannot request and renew its serving certificate from the cluster CA, leaving it on self-signed or long-lived certificates that the API server cannot verify or that outlive a compromise.",
  severity: "medium",
  evaluate(node) {
    if (!hasKubeletFacts(node)) return null;
    const gate = kubeletFeatureGate(node, GATE);
    if (gate) {
      return gate.value
        ? []
        : [{ message: `Feature gate ${GATE} is disabled`, paths: [gate.path], fixPaths: [{ path: gate.path, value: "true" }] }];
    }
    if (kubeletConfigState(node) === "unreadable") {
      return [unverifiable({ reason: `${unreadableReason(node)}, so its featureGates cannot be verified` }, `Feature gate ${GATE}`)];
    }
    return [];
  },
  remediation:
    "Remove `RotateKubeletServerCertificate=false` from `--feature-gates` and from `featureGates` in the kubelet config file, set `serverTLSBootstrap: true`, restart the kubelet and approve its serving CSRs.",
  refs: {
    kubescape: ["C-0183"],
    cis: ["4.2.11"],
    cisEks: ["3.2.9"],
    cisAks: ["3.2.9"],
  },
});
