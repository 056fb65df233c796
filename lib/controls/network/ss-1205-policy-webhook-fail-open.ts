import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { effectiveFailurePolicy, interceptsPodAdmission, webhooksOf } from "./admission-webhooks";

export default defineControl({
  id: "SS-1205",
  name: "Pod policy webhook fails open",
  description:
    "Fails a ValidatingWebhookConfiguration with a webhook that validates pod creation or update but whose effective failurePolicy is Ignore (explicitly, or by default in the legacy v1beta1 API).",
  rationale:
    "A validating webhook on pods is usually a policy engine. With failurePolicy Ignore, any outage, timeout or network block of the webhook admits pods unchecked, and an attacker able to disturb the webhook (evicting its pods, exhausting it) switches the policy off.",
  severity: "medium",
  category: "admission",
  kinds: ["ValidatingWebhookConfiguration"],
  evaluate(config) {
    const policyHooks = webhooksOf(config).filter(({ webhook }) => interceptsPodAdmission(webhook));
    if (policyHooks.length === 0) return null;
    const violations: Violation[] = [];
    for (const { webhook, path } of policyHooks) {
      if (effectiveFailurePolicy(config, webhook) !== "Ignore") continue;
      violations.push({
        message: `webhook "${webhook.name ?? path}" validates pods but lets them through when it cannot be reached (failurePolicy Ignore)`,
        paths: [webhook.failurePolicy ? `${path}.failurePolicy` : path],
        fixPaths: [{ path: `${path}.failurePolicy`, value: "Fail" }],
      });
    }
    return violations;
  },
  remediation:
    "Set `failurePolicy: Fail` on webhooks that enforce security policy, run the webhook with several replicas and a PodDisruptionBudget, and exclude only the namespaces the webhook itself depends on (by `kubernetes.io/metadata.name`).",
  refs: {},
});
