import { defineControl } from "../../engine/define-control";
import type { EvalContext, Violation } from "../../engine/types";
import { refOf } from "../../engine/object-index";
import { podSpecOf, WORKLOAD_KINDS } from "../../engine/workload";
import { isolationOf, ruleAllowsEgressTo, ruleDeniesEgressTo, usesHostNetwork, type PolicyRule } from "./network-policy-coverage";

/** The link-local instance metadata service of AWS, Azure, GCP, OCI, Alibaba and most other clouds. */
const METADATA_ADDRESS = "169.254.169.254";
const METADATA_PORT = 80;

// Cluster providers that do not run on a cloud instance metadata service.
const NON_CLOUD_PROVIDERS = new Set(["kind", "minikube", "k3d", "docker-desktop", "microk8s", "bare-metal", "baremetal", "on-prem", "onprem"]);

// The finding of every workload without an egress policy: one shared, read-only list.
const EGRESS_UNRESTRICTED: Violation[] = Object.freeze([
  Object.freeze({ message: `no policy restricts egress of these pods, so ${METADATA_ADDRESS} is reachable` }),
]) as unknown as Violation[];

/** Whether a rule denies or admits egress to the metadata endpoint: judged once per rule and scan. */
function metadataVerdicts(ctx: EvalContext): (rule: PolicyRule) => { denies: boolean; allows: boolean } {
  return ctx.cache("SS-1211:rule-verdicts", () => {
    const verdicts = new Map<PolicyRule, { denies: boolean; allows: boolean }>();
    return (rule: PolicyRule) => {
      let verdict = verdicts.get(rule);
      if (!verdict) {
        verdict = {
          denies: ruleDeniesEgressTo(rule, METADATA_ADDRESS, METADATA_PORT),
          allows: ruleAllowsEgressTo(rule, METADATA_ADDRESS, METADATA_PORT),
        };
        verdicts.set(rule, verdict);
      }
      return verdict;
    };
  });
}

export default defineControl({
  id: "SS-1211",
  name: "Cloud metadata endpoint reachable from pods",
  description:
    "Fails a workload whose pods may connect to the instance metadata endpoint 169.254.169.254: they use the host network, no egress policy isolates them, or an egress rule of the policies selecting them admits that address on port 80 (and no Cilium egressDeny blocks it).",
  rationale:
    "The metadata endpoint hands out the node's cloud credentials and bootstrap data. A compromised pod that can reach it can often act as the node in the cloud account (pull images, read buckets, attach volumes) or join rogue nodes to the cluster.",
  severity: "medium",
  category: "network",
  kinds: [...WORKLOAD_KINDS],
  evaluate(workload, ctx) {
    const provider = ctx.cluster.provider?.toLowerCase();
    if (provider && NON_CLOUD_PROVIDERS.has(provider)) return null;
    if (usesHostNetwork(workload)) {
      return [
        {
          message: `pods use the host network, where NetworkPolicies do not apply: ${METADATA_ADDRESS} is reachable`,
          paths: [`${podSpecOf(workload)?.path ?? "spec"}.hostNetwork`],
        },
      ];
    }
    const isolation = isolationOf(ctx, workload);
    const verdicts = metadataVerdicts(ctx);
    if (isolation.selecting.some((rule) => verdicts(rule).denies)) return [];
    if (isolation.egress.length === 0) {
      return EGRESS_UNRESTRICTED;
    }
    const opening = isolation.egress.filter((rule) => verdicts(rule).allows);
    if (opening.length === 0) return [];
    return [
      {
        message: `egress rules of ${opening.map((r) => `${r.kind} "${r.policy.metadata?.name}"`).join(", ")} admit ${METADATA_ADDRESS}:${METADATA_PORT}`,
        related: opening.map((r) => refOf(r.policy)),
      },
    ];
  },
  remediation:
    "Isolate egress with a NetworkPolicy and, where 0.0.0.0/0 must be allowed, add `except: [169.254.169.254/32]` to the ipBlock (or a Cilium egressDeny rule). Also use the cloud's protections: IMDSv2 with a hop limit of 1 on EKS, Workload Identity on GKE and AKS.",
  refs: {
    mitre: ["T1552.005"],
  },
});
