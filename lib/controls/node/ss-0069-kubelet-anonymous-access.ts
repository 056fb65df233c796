import { defineNodeControl } from "./node-targets";
import { evaluateKubeletAnonymousAuth } from "./kubelet-setting-specs";

export default defineNodeControl({
  id: "SS-0069",
  name: "Kubelet accepts anonymous requests",
  description:
    "Fails on a node whose kubelet serves its API (port 10250) to unauthenticated callers: anonymous authentication enabled by flag, by config file, or by default when the kubelet runs without a config file.",
  rationale:
    "Anonymous callers reach the kubelet as system:anonymous; with a permissive authorizer they can list pods, read logs and run commands in any container on the node without any credential.",
  severity: "critical",
  evaluate: evaluateKubeletAnonymousAuth,
  remediation:
    "Set `authentication.anonymous.enabled: false` in the kubelet config file (and remove any `--anonymous-auth=true` flag, which overrides it), then restart the kubelet. Make sure webhook authentication or client certificates are configured so legitimate callers still get in.",
  refs: {
    kubescape: ["C-0069"],
    nsa: ["authentication-and-authorization"],
    mitre: ["T1609", "T1613"],
  },
});
