import { defineNodeControl } from "./node-targets";
import { evaluateKubeletAnonymousAuth } from "./kubelet-setting-specs";

export default defineNodeControl({
  id: "SS-0172",
  name: "Kubelet anonymous authentication is disabled",
  description:
    "Checks the kubelet's effective `--anonymous-auth` / `authentication.anonymous.enabled`: the command-line flag wins over the config file, and without a config file the kubelet's default is to allow anonymous requests.",
  rationale:
    "Requests that carry no credential should be rejected by the kubelet rather than handed to the authorizer as system:anonymous; one permissive binding would otherwise open the node's pods to anyone who can reach port 10250.",
  severity: "high",
  evaluate: evaluateKubeletAnonymousAuth,
  remediation:
    "In the kubelet config file set `authentication: { anonymous: { enabled: false } }`; remove `--anonymous-auth=true` from the kubelet's unit or drop-in files; restart the kubelet.",
  refs: {
    kubescape: ["C-0172"],
    cis: ["4.2.1"],
    cisEks: ["3.2.1"],
    cisAks: ["3.2.1"],
    cisGke: ["3.2.1"],
  },
});
