import { defineControl } from "../../engine/define-control";
import { CREDENTIAL_BEARING_RESOURCES, webhookReviewViolations } from "./webhook-review";

export default defineControl({
  id: "SS-0036",
  name: "Validating admission webhooks to review",
  description:
    "Reports each validating webhook that receives Secrets, ConfigMaps, Pods or ServiceAccounts (directly or through wildcards), naming what it intercepts and where requests go, so it can be confirmed as trusted or recorded as an exception.",
  rationale:
    "A validating webhook receives every matching API request, including object contents. An attacker who registers one can read sensitive objects as they are created or block cluster operations; unknown webhooks must be investigated.",
  severity: "low",
  category: "admission",
  kinds: ["ValidatingWebhookConfiguration"],
  evaluate: (config) => webhookReviewViolations(config, CREDENTIAL_BEARING_RESOURCES, "receives"),
  remediation:
    "Check that each validating webhook belongs to a component you installed on purpose and that its service or URL is the expected one. Remove unknown configurations and restrict who may create or modify webhook configurations; record the trusted ones as exceptions.",
  refs: {
    kubescape: ["C-0036"],
  },
  tags: ["review"],
});
