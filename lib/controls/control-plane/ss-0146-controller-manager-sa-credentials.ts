import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0146",
  name: "Controllers share the controller manager's own credential",
  description: "Fails unless the kube-controller-manager runs with --use-service-account-credentials=true (the default is false).",
  rationale:
    "With one shared identity every controller holds the union of all controllers' permissions; separate service accounts keep each controller (and a bug or compromise in it) to the roles it needs.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-controller-manager"),
  evaluate: (instance) =>
    requireBoolean(instance, "use-service-account-credentials", true, false, "all controllers act with one shared, broad identity"),
  remediation: "Add `--use-service-account-credentials=true` to the controller manager (RBAC provides the per-controller roles).",
  refs: { kubescape: ["C-0146"], cis: ["1.3.3"] },
});
