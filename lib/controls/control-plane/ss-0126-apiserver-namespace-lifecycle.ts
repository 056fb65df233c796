import { defineControl } from "../../engine/define-control";
import { requireAdmissionPlugin } from "./admission-plugins";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0126",
  name: "API server NamespaceLifecycle admission plugin is off",
  description:
    "Fails when the NamespaceLifecycle admission plugin, on by default, is disabled (--disable-admission-plugins) or left out of a legacy --admission-control list.",
  rationale:
    "NamespaceLifecycle refuses objects in namespaces that are being deleted or do not exist and protects kube-system, kube-public and default from deletion; without it objects can outlive the namespace meant to contain them.",
  severity: "low",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => requireAdmissionPlugin(instance, "NamespaceLifecycle", "objects can be created in terminating or missing namespaces"),
  remediation: "Remove NamespaceLifecycle from `--disable-admission-plugins` (it is enabled by default).",
  refs: { kubescape: ["C-0126"], cis: ["1.2.13"] },
});
