import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0282",
  name: "Minimize access to create service account tokens",
  description: "Fails each subject whose bindings allow creating `serviceaccounts/token` in any namespace.",
  rationale:
    "The TokenRequest API mints tokens for any service account in scope: the caller gains those accounts' permissions, for as long as the token lives.",
  severity: "high",
  patterns: CAPABILITY.createTokens,
  capability: "can mint service account tokens",
  remediation: "Grant `serviceaccounts/token` create only to components that issue tokens, restricted with resourceNames to the accounts concerned.",
  refs: { kubescape: ["C-0282"], cis: ["5.1.13"] },
});
