import { defineControl } from "../../engine/define-control";
import { requireLoopbackBind } from "./component-bind-address";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0152",
  name: "Scheduler listens on all interfaces",
  description: "Fails unless the kube-scheduler's --bind-address is a loopback address (the default is 0.0.0.0).",
  rationale: "The scheduler's secure port serves health, metrics and debugging handlers; nothing outside the host needs to reach it.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-scheduler"),
  evaluate: (instance) => requireLoopbackBind(instance),
  remediation: "Set `--bind-address=127.0.0.1` on the scheduler.",
  refs: { kubescape: ["C-0152"], cis: ["1.4.2"] },
});
