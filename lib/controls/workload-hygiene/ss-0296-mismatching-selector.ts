import { defineControl } from "../../engine/define-control";
import { matchesLabelSelector, matchesMapSelector } from "../../engine/label-selector";
import type { K8sObject, Violation } from "../../engine/types";
import { podLabelsOfCached } from "./scan-lookups";

/** Whether Object.keys would list anything, without building the list. */
function hasOwnKeys(value: unknown): boolean {
  for (const key in value as object) if (Object.prototype.hasOwnProperty.call(value, key)) return true;
  return false;
}

function hasRequirements(selector: unknown): boolean {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const s = selector as any;
  return !!s && typeof s === "object" && (hasOwnKeys(s.matchLabels ?? {}) || (Array.isArray(s.matchExpressions) && s.matchExpressions.length > 0));
}

/** The part of the selector the labels fail: matchLabels when they already do, else matchExpressions. */
function failingSelectorPath(selector: { matchLabels?: Record<string, string> }, labels: Record<string, string>): string {
  return matchesLabelSelector({ matchLabels: selector.matchLabels ?? {} }, labels) ? "spec.selector.matchExpressions" : "spec.selector.matchLabels";
}

function check(obj: K8sObject): Violation[] | null {
  const labels = podLabelsOfCached(obj);
  const selector = obj.spec?.selector;
  if (obj.kind === "ReplicationController") {
    // An RC without a selector defaults it to the template's labels.
    if (!selector || typeof selector !== "object" || !hasOwnKeys(selector)) return [];
    return matchesMapSelector(selector, labels) ? [] : [{ message: "spec.selector does not select the pod template's labels", paths: ["spec.selector"] }];
  }
  if (obj.kind === "Job" && obj.spec?.manualSelector !== true) return null; // the Job controller generates its own selector
  if (!hasRequirements(selector)) {
    if (obj.kind === "Job") return [{ message: "manualSelector is set but spec.selector is empty", paths: ["spec.selector"] }];
    return obj.apiVersion?.startsWith("apps/")
      ? [{ message: "has no selector; apps/v1 requires one that matches the pod template's labels", fixPaths: [{ path: "spec.selector.matchLabels", value: "YOUR_LABELS" }] }]
      : [];
  }
  if (matchesLabelSelector(selector, labels)) return [];
  return [{ message: "spec.selector does not select the pod template's labels", paths: [failingSelectorPath(selector, labels)] }];
}

export default defineControl({
  id: "SS-0296",
  name: "Selector does not match the pod template",
  description:
    "Fails when a Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController or a Job with manualSelector has a selector that the labels of its own pod template do not satisfy.",
  rationale:
    "The API rejects such objects, so the manifest can never be applied; a selector that is too loose instead lets the controller adopt or delete other workloads' pods.",
  severity: "low",
  category: "hygiene",
  kinds: ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"],
  evaluate: check,
  remediation:
    "Make spec.selector.matchLabels a subset of spec.template.metadata.labels (and keep it unique to this workload); the selector cannot be changed after creation, so recreate the object if needed.",
  refs: { kubescape: ["C-0296"] },
});
