import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { interceptsPodAdmission, webhooksOf } from "./admission-webhooks";

function selectorIsEmpty(selector: unknown): boolean {
  if (!selector || typeof selector !== "object") return true;
  const s = selector as { matchLabels?: unknown; matchExpressions?: unknown };
  const labels = s.matchLabels && typeof s.matchLabels === "object" ? Object.keys(s.matchLabels) : [];
  const expressions = Array.isArray(s.matchExpressions) ? s.matchExpressions : [];
  return labels.length === 0 && expressions.length === 0;
}

export default defineControl({
  id: "SS-1206",
  name: "Pod policy webhook can be bypassed through pod labels",
  description:
    "Fails a ValidatingWebhookConfiguration whose webhook validates pods but only for objects matching an `objectSelector`, so the labels a pod's author chooses decide whether the webhook sees it.",
  rationale:
    "Anyone who can create a pod also chooses its labels. A policy webhook filtered by objectSelector can be skipped by adding (or omitting) a label, so the policy only binds those who cooperate.",
  severity: "low",
  category: "admission",
  kinds: ["ValidatingWebhookConfiguration"],
  evaluate(config) {
    const policyHooks = webhooksOf(config).filter(({ webhook }) => interceptsPodAdmission(webhook));
    if (policyHooks.length === 0) return null;
    const violations: Violation[] = [];
    for (const { webhook, path } of policyHooks) {
      if (selectorIsEmpty(webhook.objectSelector)) continue;
      violations.push({
        message: `webhook "${webhook.name ?? path}" only validates pods whose labels match its objectSelector; a pod author can opt out`,
        paths: [`${path}.objectSelector`],
      });
    }
    return violations;
  },
  remediation:
    "If the webhook enforces security policy, remove its objectSelector and scope it with a namespaceSelector on `kubernetes.io/metadata.name` (a label only the API server sets) instead. Keep label-based scoping for webhooks that do not enforce security.",
  refs: {},
});
