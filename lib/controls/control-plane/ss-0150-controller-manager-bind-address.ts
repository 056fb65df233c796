import { defineControl } from "../../engine/define-control";
import { requireLoopbackBind } from "./component-bind-address";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0150",
  name: "Controller manager listens on all interfaces",
  description: "Fails unless the kube-controller-manager's --bind-address is a loopback address (the default is 0.0.0.0).",
  rationale:
    "Its secure port serves health, metrics and, with profiling on, debugging handlers; exposing it beyond the host widens the attack surface of a component that holds cluster-wide credentials.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-controller-manager"),
  evaluate: (instance) => requireLoopbackBind(instance),
  remediation: "Set `--bind-address=127.0.0.1` on the controller manager and scrape its metrics through an authenticated local proxy if needed.",
  refs: { kubescape: ["C-0150"], cis: ["1.3.7"] },
});
