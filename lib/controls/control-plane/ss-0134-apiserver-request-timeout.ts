import { defineControl } from "../../engine/define-control";
import { flagFinding } from "./flag-findings";
import { parseGoDurationSeconds } from "./go-duration";
import { componentTargets, lastFlag, type ComponentInstance } from "./static-pod-flags";

// CIS 1.2.20 leaves the value to judgement but warns that long timeouts invite resource exhaustion;
// its own example is 300s, which we take as the upper bound of "appropriate".
const MAX_REQUEST_TIMEOUT_SECONDS = 300;

export default defineControl<ComponentInstance>({
  id: "SS-0134",
  name: "API server request timeout is unsafe",
  description: `Fails when the kube-apiserver's --request-timeout is not a valid positive duration or exceeds ${MAX_REQUEST_TIMEOUT_SECONDS}s. Unset passes (the default is 60s).`,
  rationale:
    "Every in-flight request holds memory and a seat in API priority and fairness; very long timeouts let slow or hostile clients tie the server up, while an invalid value keeps the API server from starting.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate(instance) {
    const occurrence = lastFlag(instance, "request-timeout");
    if (!occurrence) return [];
    const seconds = parseGoDurationSeconds(occurrence.value);
    if (seconds === undefined) {
      return [flagFinding(instance, occurrence, `--request-timeout is "${occurrence.value}", not a duration (e.g. 60s)`, "--request-timeout=60s")];
    }
    if (seconds <= 0) return [flagFinding(instance, occurrence, `--request-timeout is ${occurrence.value}: requests are not timed out`, "--request-timeout=60s")];
    if (seconds > MAX_REQUEST_TIMEOUT_SECONDS) {
      return [
        flagFinding(
          instance,
          occurrence,
          `--request-timeout is ${occurrence.value}, longer than ${MAX_REQUEST_TIMEOUT_SECONDS}s: slow clients can hold API server resources`,
          `--request-timeout=${MAX_REQUEST_TIMEOUT_SECONDS}s`,
        ),
      ];
    }
    return [];
  },
  remediation:
    "Leave `--request-timeout` at its 60s default, or raise it only as far as slow clients need (at most a few minutes); long-running watches, exec and logs are not affected by it.",
  refs: { kubescape: ["C-0134"], cis: ["1.2.20"] },
});
