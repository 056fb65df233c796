import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0015",
  name: "Subjects that can read Secrets",
  description:
    "Fails each subject whose bindings allow get, list or watch on Secrets (without a resourceNames restriction) in any namespace.",
  rationale:
    "Secrets hold service-account tokens, registry credentials, TLS keys and database passwords: reading them is the shortest path from one identity to many others.",
  severity: "high",
  category: "secrets",
  patterns: CAPABILITY.readSecrets,
  capability: "can read Secrets",
  remediation:
    "Remove get/list/watch on `secrets` from roles that do not need them; where an application needs one Secret, name it in `resourceNames`, or mount it instead of reading it through the API.",
  refs: { kubescape: ["C-0015"], mitre: ["T1552.007"] },
});
