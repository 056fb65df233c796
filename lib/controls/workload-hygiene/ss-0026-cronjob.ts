import { defineControl } from "../../engine/define-control";

export default defineControl({
  id: "SS-0026",
  name: "CronJob present",
  description:
    "Lists every active CronJob as a finding to review: each one is a recurring, unattended way to start containers in the cluster. Suspended CronJobs (spec.suspend: true) start nothing and pass.",
  rationale:
    "Attackers with create rights use CronJobs for persistence: a scheduled pod quietly restarts their foothold even after the original workload is removed. Knowing every CronJob and its owner makes a foreign one stand out.",
  severity: "low",
  category: "hygiene",
  kinds: ["CronJob"],
  evaluate(obj) {
    if (obj.spec?.suspend === true) return [];
    const schedule = typeof obj.spec?.schedule === "string" ? ` (schedule "${obj.spec.schedule}")` : "";
    return [{ message: `CronJob "${obj.metadata?.name ?? ""}" runs containers on a schedule${schedule}; confirm it is expected` }];
  },
  remediation:
    "Confirm each CronJob is known and owned; remove unexplained ones and restrict who may create CronJobs (RBAC on batch/cronjobs). Add an exception for the reviewed ones.",
  refs: { kubescape: ["C-0026"], mitre: ["T1053.007"] },
});
