import { defineControl } from "../../engine/define-control";
import { requireAdmissionPlugin } from "./admission-plugins";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0125",
  name: "API server ServiceAccount admission plugin is off",
  description:
    "Fails when the ServiceAccount admission plugin, on by default, is disabled (--disable-admission-plugins) or left out of a legacy --admission-control list.",
  rationale:
    "The plugin gives every pod a service account and refuses pods that reference missing ones; without it pods may run with identities and token mounts that nobody provisioned or reviewed.",
  severity: "low",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => requireAdmissionPlugin(instance, "ServiceAccount", "pods are not bound to provisioned service accounts"),
  remediation: "Remove ServiceAccount from `--disable-admission-plugins` (it is enabled by default).",
  refs: { kubescape: ["C-0125"], cis: ["1.2.12"] },
});
