import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1406");

export default definePermissionControl({
  id: rule.id,
  name: "Attach to running containers",
  description:
    "Fails each subject whose bindings allow `pods/attach` (create, or get for WebSocket clients).",
  rationale:
    "Attaching connects to the main process's terminal: on shells and interpreters it is as good as exec, with none of exec's visibility in tooling.",
  severity: rule.severity,
  category: "access-control",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Grant `pods/attach` only alongside a debugging need, namespaced and for a limited time.",
  refs: { mitre: ["T1609"] },
  tags: ["risky-permission"],
});
