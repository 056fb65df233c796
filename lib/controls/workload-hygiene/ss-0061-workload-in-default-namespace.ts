import { defineControl } from "../../engine/define-control";
import type { FixPath } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { namespaceOf } from "./scan-lookups";

// Every finding names the same field: shared, read-only.
const NAMESPACE_PATHS = Object.freeze(["metadata.namespace"]) as unknown as string[];
const NAMESPACE_FIX = Object.freeze([Object.freeze({ path: "metadata.namespace", value: "YOUR_NAMESPACE" })]) as unknown as FixPath[];

export default defineControl({
  id: "SS-0061",
  name: "Workload in the default namespace",
  description:
    "Fails when a pod-bearing object lives in the default namespace, or declares no namespace (it then lands in the namespace of whoever applies it, usually default).",
  rationale:
    "The default namespace is shared by everything nobody placed on purpose: its RBAC, quotas and network policies are rarely set up, so workloads there get the loosest isolation and are hard to attribute to an owner.",
  severity: "low",
  category: "hygiene",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    if (namespaceOf(obj) !== "default") return [];
    return [{
      message: obj.metadata?.namespace
        ? `${obj.kind} "${obj.metadata?.name ?? ""}" runs in the default namespace`
        : `${obj.kind} "${obj.metadata?.name ?? ""}" declares no namespace and would run in the default namespace`,
      paths: obj.metadata?.namespace ? NAMESPACE_PATHS : undefined,
      fixPaths: NAMESPACE_FIX,
    }];
  },
  remediation:
    "Create a namespace per application or team, with its own RBAC, quotas and network policies, and deploy the workload there with an explicit metadata.namespace.",
  refs: { kubescape: ["C-0061"] },
});
