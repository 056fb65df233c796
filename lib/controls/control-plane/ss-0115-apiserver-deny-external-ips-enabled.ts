import { defineControl } from "../../engine/define-control";
import { admissionPluginState } from "./admission-plugins";
import { flagFinding } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

// Kept for parity with Kubescape's C-0115, which encodes an older CIS wording (v1.23, 1.2.3). Current
// CIS (v1.12, 1.2.3) recommends the opposite: see SS-0283. Both cannot pass on the same cluster.
export default defineControl<ComponentInstance>({
  id: "SS-0115",
  name: "API server rejects Services with external IPs (legacy CIS wording)",
  description:
    "Reports when the DenyServiceExternalIPs admission plugin is enabled on the kube-apiserver, so teams that rely on Service `externalIPs` see why such Services are rejected. Superseded by SS-0283, which recommends enabling the plugin.",
  rationale:
    "The plugin blocks every new use of Service `externalIPs`. Older CIS guidance treated that as an availability risk; newer guidance treats the field itself as the risk (it lets any Service author intercept traffic to arbitrary IPs, CVE-2020-8554).",
  severity: "low",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance) {
    const state = admissionPluginState(instance, "DenyServiceExternalIPs");
    if (!state.enabled) return [];
    return [flagFinding(instance, state.occurrence, "the DenyServiceExternalIPs admission plugin is enabled: Services cannot use externalIPs")];
  },
  remediation:
    "Only if your workloads need Service `externalIPs`: remove DenyServiceExternalIPs from `--enable-admission-plugins` and restrict the field with a validating admission policy instead. Otherwise keep the plugin (see SS-0283).",
  refs: { kubescape: ["C-0115"] },
});
