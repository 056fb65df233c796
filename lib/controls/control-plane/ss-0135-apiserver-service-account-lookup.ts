import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0135",
  name: "API server accepts tokens of deleted service accounts",
  description: "Fails when the kube-apiserver runs with --service-account-lookup=false (the default, true, passes).",
  rationale:
    "Without the lookup the API server only checks a token's signature, so tokens of deleted service accounts, or of deleted Secrets that held them, keep working until they expire.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) =>
    requireBoolean(instance, "service-account-lookup", true, true, "tokens stay valid after their service account is deleted"),
  remediation: "Remove `--service-account-lookup=false` from the API server (or set it to true).",
  refs: { kubescape: ["C-0135"], cis: ["1.2.21"] },
});
