import { CAPABILITY } from "../../rbac/capabilities";
import { defineWorkloadPermissionControl } from "./workload-service-account-control";

export default defineWorkloadPermissionControl({
  id: "SS-0272",
  name: "Workloads whose service account has administrative roles",
  description:
    "Fails workloads that mount a service-account token granted every verb on every resource (`*` on `*`), cluster-wide or in a namespace.",
  rationale:
    "An administrative token inside a pod turns any remote-code-execution bug in that application into administrative control of the namespace or the cluster.",
  severity: "high",
  patterns: CAPABILITY.everythingInCore,
  capability: "has administrative (wildcard) access",
  remediation:
    "Replace the wildcard role with one listing the resources and verbs the application uses, or stop mounting the token when the pods do not call the API.",
  refs: { kubescape: ["C-0272"] },
});
