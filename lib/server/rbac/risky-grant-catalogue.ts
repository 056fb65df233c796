// What the explorer calls a risky grant: the risky-permission catalogue of lib/rbac (SS-14xx) plus the
// capabilities that the Kubescape-equivalent controls judge (exec, bind/escalate/impersonate, node
// proxy…), with the same patterns and ids, so a row here matches a finding of that control.
import { CAPABILITY, RISKY_PERMISSION_RULES, type RiskyPermissionRule } from "@/lib/rbac";

const CONTROL_CAPABILITIES: readonly RiskyPermissionRule[] = [
  { id: "SS-0191", title: "Bind or escalate roles", severity: "high", capability: "can bind or escalate roles", patterns: [...CAPABILITY.bind, ...CAPABILITY.escalate] },
  { id: "SS-0065", title: "Impersonate users, groups or service accounts", severity: "high", capability: "can impersonate other identities", patterns: CAPABILITY.impersonate },
  { id: "SS-0002", title: "Exec into containers", severity: "high", capability: "can exec into containers", patterns: CAPABILITY.exec },
  { id: "SS-0279", title: "Proxy to the kubelet (nodes/proxy)", severity: "high", capability: "can reach the kubelet API through nodes/proxy", patterns: CAPABILITY.nodeProxy },
  { id: "SS-0280", title: "Approve certificate signing requests", severity: "high", capability: "can approve certificate signing requests", patterns: CAPABILITY.approveCsr },
  { id: "SS-0281", title: "Change admission webhooks", severity: "high", capability: "can change admission webhook configurations", patterns: CAPABILITY.writeWebhooks },
  { id: "SS-0282", title: "Create service-account tokens", severity: "high", capability: "can mint service-account tokens", patterns: CAPABILITY.createTokens },
  { id: "SS-0188", title: "Create pods", severity: "medium", capability: "can create pods", patterns: CAPABILITY.createPods },
  { id: "SS-0063", title: "Port-forward to pods", severity: "medium", capability: "can port-forward to pods", patterns: CAPABILITY.portForward },
  { id: "SS-0278", title: "Create persistent volumes", severity: "medium", capability: "can create persistent volumes (host paths included)", patterns: CAPABILITY.createPersistentVolumes },
  { id: "SS-0031", title: "Delete events", severity: "medium", capability: "can delete events and cover tracks", patterns: CAPABILITY.deleteEvents },
];

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** Every rule the explorer checks, worst first. */
export const RISKY_GRANT_RULES: readonly RiskyPermissionRule[] = [...RISKY_PERMISSION_RULES, ...CONTROL_CAPABILITIES].sort(
  (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.id.localeCompare(b.id),
);

export function severityRank(severity: keyof typeof SEVERITY_RANK): number {
  return SEVERITY_RANK[severity];
}
