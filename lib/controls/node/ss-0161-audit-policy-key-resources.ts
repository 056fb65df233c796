import type { Violation } from "../../engine/types";
import { apiServerOf } from "./api-server-config-files";
import { auditTreatment, type AuditedResource } from "./audit-policy-coverage";
import { defineNodeControl } from "./node-targets";

const READ_WRITE = ["get", "list", "watch", "create", "update", "patch", "delete"];
const WRITE = ["create", "update", "patch", "delete"];

/** Requests whose bodies may carry secret values: log who and when (Metadata), never the content. */
const METADATA_ONLY: (AuditedResource & { label: string })[] = [
  { label: "Secrets", group: "", resource: "secrets", verbs: READ_WRITE },
  { label: "ConfigMaps", group: "", resource: "configmaps", verbs: READ_WRITE },
  { label: "TokenReviews", group: "authentication.k8s.io", resource: "tokenreviews", verbs: ["create"] },
];

/** Requests that must leave a trace: changes to workloads and interactive access to containers. */
const MUST_LOG: (AuditedResource & { label: string })[] = [
  { label: "changes to Pods", group: "", resource: "pods", verbs: WRITE },
  { label: "changes to Deployments", group: "apps", resource: "deployments", verbs: WRITE },
  { label: "pods/exec", group: "", resource: "pods/exec", verbs: ["create", "get"] },
  { label: "pods/portforward", group: "", resource: "pods/portforward", verbs: ["create", "get"] },
  { label: "pods/proxy", group: "", resource: "pods/proxy", verbs: ["create", "get"] },
  { label: "services/proxy", group: "", resource: "services/proxy", verbs: ["create", "get"] },
];

const POLICY_PATH = "spec.controlPlane.kube-apiserver.auditPolicy.content";

export default defineNodeControl({
  id: "SS-0161",
  name: "Audit policy covers the key security events",
  description:
    "On nodes running kube-apiserver, reads the `--audit-policy-file` and applies its rules the way the API server does (first matching rule wins): Secrets, ConfigMaps and TokenReviews must be logged at Metadata level, and changes to Pods and Deployments and use of exec, port-forward and proxy must be logged.",
  rationale:
    "An audit log is only useful after an incident if it recorded who read credentials and who ran commands in containers; logging Secret or ConfigMap bodies at Request level, on the other hand, copies credentials into the log store.",
  severity: "medium",
  category: "control-plane",
  evaluate(node) {
    const apiServer = apiServerOf(node);
    if (!apiServer) return null;
    if (!apiServer.flags?.["audit-policy-file"]) {
      return [{ message: "The API server has no --audit-policy-file: no audit events are recorded", paths: ["spec.controlPlane.kube-apiserver.flags.audit-policy-file"] }];
    }
    const policy = apiServer.auditPolicy?.content;
    if (!policy) {
      const reason = apiServer.auditPolicy?.error ?? `the audit policy ${apiServer.flags["audit-policy-file"]} was not collected`;
      return [{ message: `The audit policy cannot be verified: ${reason}`, paths: ["spec.controlPlane.kube-apiserver.flags.audit-policy-file"] }];
    }
    const violations: Violation[] = [];
    const rulePath = (i: number | undefined) => (i === undefined ? `${POLICY_PATH}.rules` : `${POLICY_PATH}.rules[${i}].level`);
    for (const target of METADATA_ONLY) {
      const treatment = auditTreatment(policy, target);
      if (treatment.level !== "Metadata") {
        violations.push({
          message:
            treatment.level === "None"
              ? `${target.label} are not audited`
              : `${target.label} are audited at ${treatment.level} level, which records their content`,
          paths: [rulePath(treatment.ruleIndex)],
        });
      }
      for (const p of treatment.partial.filter((p) => p.level === "Request" || p.level === "RequestResponse")) {
        violations.push({ message: `Rule ${p.ruleIndex} records the content of some ${target.label} requests (${p.level})`, paths: [rulePath(p.ruleIndex)] });
      }
    }
    for (const target of MUST_LOG) {
      const treatment = auditTreatment(policy, target);
      if (treatment.level === "None") {
        violations.push({ message: `${target.label} are not audited`, paths: [rulePath(treatment.ruleIndex)] });
      }
    }
    return violations;
  },
  remediation:
    "Start the audit policy with rules that log `secrets`, `configmaps` (core group) and `tokenreviews` (authentication.k8s.io) at `Metadata`, then rules that log `pods` and `deployments` (apps) changes and the `pods/exec`, `pods/portforward`, `pods/proxy` and `services/proxy` subresources at `Metadata` or higher, and end with a catch-all rule. Remember that the first matching rule wins and that Deployments are in the `apps` group.",
  refs: {
    kubescape: ["C-0161"],
    cis: ["3.2.2"],
  },
});
