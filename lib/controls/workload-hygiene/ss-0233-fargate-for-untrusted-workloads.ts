import { defineControl } from "../../engine/define-control";
import type { EvalContext, K8sObject } from "../../engine/types";

function isFargateNode(node: K8sObject): boolean {
  return node.metadata?.labels?.["eks.amazonaws.com/compute-type"] === "fargate" || (node.metadata?.name ?? "").startsWith("fargate-");
}

/** Fargate only exists on EKS: the cluster facts say so, or the nodes carry EKS labels. */
function isEks(ctx: EvalContext): boolean {
  return ctx.cache("workload-hygiene:is-eks", () => {
    if ((ctx.cluster.provider ?? "").toLowerCase().includes("eks")) return true;
    return ctx.index.byKind("Node").some((n) => Object.keys(n.metadata?.labels ?? {}).some((k) => k.startsWith("eks.amazonaws.com/")));
  });
}

export default defineControl({
  id: "SS-0233",
  name: "EKS cluster runs no workloads on Fargate",
  description:
    "On EKS clusters, fails for each node when no node of the cluster is a Fargate node, i.e. untrusted workloads can only share EC2 nodes with everything else. Other clusters are not applicable.",
  rationale:
    "Fargate runs each pod in its own micro-VM with no shared kernel or node credentials, so a container escape in an untrusted workload does not reach other tenants; without it, isolation rests on the shared node.",
  severity: "low",
  category: "cloud",
  kinds: ["Node"],
  evaluate(node, ctx) {
    if (!isEks(ctx)) return null;
    if (ctx.index.byKind("Node").some(isFargateNode)) return [];
    return [{ message: `node ${node.metadata?.name ?? ""} is an EC2 node and the cluster has no Fargate capacity for untrusted workloads` }];
  },
  remediation:
    "Create a Fargate profile for the namespaces that run untrusted or multi-tenant code, so their pods get their own micro-VMs.",
  refs: { kubescape: ["C-0233"], cisEks: ["5.6.1"] },
});
