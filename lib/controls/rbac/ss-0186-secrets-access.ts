import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0186",
  name: "Minimize access to Secrets",
  description:
    "Fails each subject whose bindings allow get, list or watch on Secrets in any namespace, unless restricted to named Secrets.",
  rationale:
    "Listing Secrets returns their contents; a subject that can read them holds every credential they contain, service-account tokens included.",
  severity: "medium",
  category: "secrets",
  patterns: CAPABILITY.readSecrets,
  capability: "can read Secrets",
  remediation:
    "Review each subject listed; remove Secret read access where it is not required, and narrow the rest to a namespace and to `resourceNames`.",
  refs: { kubescape: ["C-0186"], cis: ["5.1.2"], cisEks: ["4.1.2"], cisAks: ["4.1.2"], cisGke: ["4.1.2"], soc2: ["CC6.1"] },
});
