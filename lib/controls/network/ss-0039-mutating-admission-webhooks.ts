import { defineControl } from "../../engine/define-control";
import { describeWebhookRules, webhooksOf } from "./admission-webhooks";

export default defineControl({
  id: "SS-0039",
  name: "Mutating admission webhooks to review",
  description:
    "Reports every MutatingWebhookConfiguration with what its webhooks intercept, so each one can be confirmed as expected or recorded as an exception.",
  rationale:
    "A mutating webhook can rewrite any matching object before it is stored: an attacker who registers one can inject containers, sidecars or privileges into every new pod, a powerful persistence mechanism.",
  severity: "medium",
  category: "admission",
  kinds: ["MutatingWebhookConfiguration"],
  evaluate(config) {
    const hooks = webhooksOf(config);
    return [
      {
        message: `mutating webhook configuration "${config.metadata?.name}" registers ${hooks.length} webhook(s): ${
          hooks.map(({ webhook }) => `${webhook.name ?? "?"} [${describeWebhookRules(webhook)}]`).join("; ") || "none"
        }; confirm it belongs to a trusted component`,
        paths: hooks.map((h) => `${h.path}.rules`),
      },
    ];
  },
  remediation:
    "Verify each mutating webhook belongs to a component you deliberately installed (service mesh injector, policy engine, …) and points at the expected service. Delete unknown ones, restrict who may create webhook configurations, and record trusted ones as exceptions.",
  refs: {
    kubescape: ["C-0039"],
  },
  tags: ["review"],
});
