import { CAPABILITY } from "../../rbac/capabilities";
import { defineWorkloadPermissionControl } from "./workload-service-account-control";

export default defineWorkloadPermissionControl({
  id: "SS-0267",
  name: "Workloads whose service account can take over the cluster",
  description:
    "Fails workloads that mount a service-account token allowed to create or change pods, read Secrets, mint tokens, impersonate, or bind and escalate roles.",
  rationale:
    "Each of these lets code inside the pod obtain other identities' credentials; an exploited application becomes the first step of a cluster takeover.",
  severity: "high",
  patterns: [
    ...CAPABILITY.writePods,
    ...CAPABILITY.readSecrets,
    ...CAPABILITY.createTokens,
    ...CAPABILITY.impersonate,
    ...CAPABILITY.bind,
    ...CAPABILITY.escalate,
  ],
  capability: "can obtain other identities' credentials",
  remediation:
    "Move the privileged API work to a dedicated controller, narrow the role to the objects the application uses, or set `automountServiceAccountToken: false` when the pods never call the API.",
  refs: { kubescape: ["C-0267"], mitre: ["T1528"] },
});
