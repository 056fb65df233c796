import { defineControl } from "../../engine/define-control";
import { DEFAULT_SETTINGS } from "../../engine/settings";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { missingAllLabels } from "./labels";

export default defineControl({
  id: "SS-0076",
  name: "Workload without organisational labels",
  description:
    "Fails when a workload, or the pods it creates, carries none of the labels in the recommendedLabels setting (by default app, tier, phase, version, owner, env).",
  rationale:
    "Labels are how people and policies find a workload's owner, environment and purpose; an unlabelled workload is skipped by network policies, cost reports and incident triage alike.",
  severity: "low",
  category: "hygiene",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    return missingAllLabels(obj, ctx.settings.recommendedLabels, DEFAULT_SETTINGS.recommendedLabels, "recommended labels", ctx);
  },
  remediation: "Label the workload and its pod template consistently, e.g. app, owner and env, and enforce the convention at admission.",
  refs: { kubescape: ["C-0076"] },
});
