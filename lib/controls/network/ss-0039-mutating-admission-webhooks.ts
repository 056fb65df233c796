import { defineControl } from "../../engine/define-control";
import { WORKLOAD_AND_PRIVILEGE_RESOURCES, webhookReviewViolations } from "./webhook-review";

export default defineControl({
  id: "SS-0039",
  name: "Mutating admission webhooks to review",
  description:
    "Reports each mutating webhook that can rewrite pods, workload controllers, ServiceAccounts, Secrets, ConfigMaps or RBAC objects (directly or through wildcards), naming what it intercepts and where requests go, so it can be confirmed as trusted or recorded as an exception.",
  rationale:
    "A mutating webhook can rewrite any matching object before it is stored: an attacker who registers one can inject containers, sidecars or privileges into every new pod, a powerful persistence mechanism.",
  severity: "medium",
  category: "admission",
  kinds: ["MutatingWebhookConfiguration"],
  evaluate: (config) => webhookReviewViolations(config, WORKLOAD_AND_PRIVILEGE_RESOURCES, "can rewrite"),
  remediation:
    "Verify each mutating webhook belongs to a component you deliberately installed (service mesh injector, policy engine, …) and points at the expected service. Delete unknown ones, restrict who may create webhook configurations, and record trusted ones as exceptions.",
  refs: {
    kubescape: ["C-0039"],
  },
  tags: ["review"],
});
