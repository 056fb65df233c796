import { defineControl } from "../../engine/define-control";
import { forbidFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0114",
  name: "API server authenticates with a static token file",
  description: "Fails when the kube-apiserver is started with --token-auth-file.",
  rationale:
    "Static tokens are stored in clear text on the control-plane host, never expire, and can only be rotated by restarting the API server; a leaked token stays valid indefinitely.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) =>
    forbidFlag(instance, "token-auth-file", "static bearer tokens never expire and are kept in clear text"),
  remediation:
    "Remove `--token-auth-file` and authenticate people through OIDC or client certificates, and workloads through service-account tokens.",
  refs: { kubescape: ["C-0114"], cis: ["1.2.2"], mitre: ["T1078"] },
});
