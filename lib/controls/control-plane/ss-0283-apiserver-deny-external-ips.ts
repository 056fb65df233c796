import { defineControl } from "../../engine/define-control";
import { admissionPluginState } from "./admission-plugins";
import { flagFinding } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0283",
  name: "API server allows Services with external IPs",
  description:
    "Fails unless the kube-apiserver enables the DenyServiceExternalIPs admission plugin (it is off by default).",
  rationale:
    "Any user who may create or edit a Service can set `externalIPs` and have kube-proxy capture traffic meant for arbitrary addresses (CVE-2020-8554), a man-in-the-middle position inside the cluster.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance) {
    const state = admissionPluginState(instance, "DenyServiceExternalIPs");
    if (state.enabled) return [];
    const message =
      state.because === "disabled-flag"
        ? "DenyServiceExternalIPs is listed in --disable-admission-plugins: any Service author can claim external IPs"
        : "the DenyServiceExternalIPs admission plugin is not enabled: any Service author can claim external IPs";
    return [flagFinding(instance, state.occurrence, message)];
  },
  remediation:
    "Add DenyServiceExternalIPs to the API server's `--enable-admission-plugins` list. If some Services genuinely need external IPs, allow them through a narrowly scoped admission policy instead.",
  refs: { kubescape: ["C-0283"], cis: ["1.2.3"], mitre: ["T1557"] },
});
