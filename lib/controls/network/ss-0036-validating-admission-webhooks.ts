import { defineControl } from "../../engine/define-control";
import { describeWebhookRules, webhooksOf } from "./admission-webhooks";

export default defineControl({
  id: "SS-0036",
  name: "Validating admission webhooks to review",
  description:
    "Reports every ValidatingWebhookConfiguration with what its webhooks intercept, so each one can be confirmed as expected or recorded as an exception.",
  rationale:
    "A validating webhook receives every matching API request, including object contents. An attacker who registers one can read sensitive objects as they are created or block cluster operations; unknown webhooks must be investigated.",
  severity: "low",
  category: "admission",
  kinds: ["ValidatingWebhookConfiguration"],
  evaluate(config) {
    const hooks = webhooksOf(config);
    return [
      {
        message: `validating webhook configuration "${config.metadata?.name}" registers ${hooks.length} webhook(s): ${
          hooks.map(({ webhook }) => `${webhook.name ?? "?"} [${describeWebhookRules(webhook)}]`).join("; ") || "none"
        }; confirm it belongs to a trusted component`,
        paths: hooks.map((h) => `${h.path}.rules`),
      },
    ];
  },
  remediation:
    "Check that each validating webhook belongs to a component you installed on purpose and that its service or URL is the expected one. Remove unknown configurations and restrict who may create or modify webhook configurations; record the trusted ones as exceptions.",
  refs: {
    kubescape: ["C-0036"],
  },
  tags: ["review"],
});
