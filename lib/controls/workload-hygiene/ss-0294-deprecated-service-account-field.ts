import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { podSpecLocationOf } from "./container-resources";

export default defineControl({
  id: "SS-0294",
  name: "Deprecated serviceAccount field",
  description:
    "Fails when a pod spec sets the deprecated `serviceAccount` field without a matching `serviceAccountName` (missing, or naming a different account).",
  rationale:
    "`serviceAccount` is a legacy alias kept for compatibility; when the two fields disagree, `serviceAccountName` wins, so the pod may run with different permissions than the manifest seems to say.",
  severity: "low",
  category: "hygiene",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const at = podSpecLocationOf(obj);
    if (!at) return null;
    const legacy = at.spec.serviceAccount;
    const current = at.spec.serviceAccountName;
    if (typeof legacy !== "string" || !legacy) return [];
    if (!current) {
      return [{
        message: `uses the deprecated field serviceAccount (${legacy}) instead of serviceAccountName`,
        paths: [`${at.path}.serviceAccount`],
        fixPaths: [{ path: `${at.path}.serviceAccountName`, value: legacy }],
      }];
    }
    if (current !== legacy) {
      return [{
        message: `serviceAccount (${legacy}) and serviceAccountName (${current}) disagree; the pods run as ${current}`,
        paths: [`${at.path}.serviceAccount`],
      }];
    }
    return [];
  },
  remediation: "Remove `serviceAccount` and set only `serviceAccountName` to the account the pods should use.",
  refs: { kubescape: ["C-0294"] },
});
