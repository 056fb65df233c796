import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1403");

export default definePermissionControl({
  id: rule.id,
  name: "Create Secrets (token minting)",
  description:
    "Fails each subject whose bindings allow creating Secrets, which includes `kubernetes.io/service-account-token` Secrets for any service account in scope.",
  rationale:
    "The token controller fills such a Secret with a non-expiring token for the named service account: creating one is a way to mint long-lived credentials for other identities.",
  severity: rule.severity,
  category: "secrets",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Let applications create only the Secrets they own (through their operator or a secrets manager); do not grant generic Secret creation to people or CI.",
  refs: { mitre: ["T1528"] },
  tags: ["risky-permission"],
});
