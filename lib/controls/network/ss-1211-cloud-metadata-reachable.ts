import { defineControl } from "../../engine/define-control";
import type { EvalContext, Violation } from "../../engine/types";
import { refOf } from "../../engine/object-index";
import { podSpecOf, WORKLOAD_KINDS } from "../../engine/workload";
import { isolationOf, ruleAllowsEgressTo, ruleDeniesEgressTo, usesHostNetwork, type Isolation, type PolicyRule } from "./network-policy-coverage";

/** The link-local instance metadata service of AWS, Azure, GCP, OCI, Alibaba and most other clouds. */
const METADATA_ADDRESS = "169.254.169.254";
const METADATA_PORT = 80;

// Cluster providers that do not run on a cloud instance metadata service.
const NON_CLOUD_PROVIDERS = new Set(["kind", "minikube", "k3d", "docker-desktop", "microk8s", "bare-metal", "baremetal", "on-prem", "onprem"]);

// The finding of every workload without an egress policy: one shared, read-only list.
const EGRESS_UNRESTRICTED: Violation[] = Object.freeze([
  Object.freeze({ message: `no policy restricts egress of these pods, so ${METADATA_ADDRESS} is reachable` }),
]) as unknown as Violation[];

function deniesMetadata(rule: PolicyRule): boolean {
  return ruleDeniesEgressTo(rule, METADATA_ADDRESS, METADATA_PORT);
}

const NONE: Violation[] = Object.freeze([]) as unknown as Violation[];

/** Per scan: whether each egress rule admits the endpoint, and the verdict of each distinct isolation. */
interface Verdicts {
  admits: Map<PolicyRule, boolean>;
  byIsolation: Map<Isolation, Violation[]>;
}

/** The verdict for pods the policies of `isolation` select (shared, read-only). */
function verdictFor(verdicts: Verdicts, isolation: Isolation): Violation[] {
  if (isolation.selecting.some(deniesMetadata)) return NONE;
  if (isolation.egress.length === 0) return EGRESS_UNRESTRICTED;
  const opening = isolation.egress.filter((rule) => {
    let admits = verdicts.admits.get(rule);
    if (admits === undefined) verdicts.admits.set(rule, (admits = ruleAllowsEgressTo(rule, METADATA_ADDRESS, METADATA_PORT)));
    return admits;
  });
  if (opening.length === 0) return NONE;
  return Object.freeze([
    Object.freeze({
      message: `egress rules of ${opening.map((r) => `${r.kind} "${r.policy.metadata?.name}"`).join(", ")} admit ${METADATA_ADDRESS}:${METADATA_PORT}`,
      related: opening.map((r) => refOf(r.policy)),
    }),
  ]) as unknown as Violation[];
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
    // Workloads selected by the same rules share one Isolation, hence one verdict.
    const verdicts = ctx.cache<Verdicts>("SS-1211:verdicts", () => ({ admits: new Map(), byIsolation: new Map() }));
    let verdict = verdicts.byIsolation.get(isolation);
    if (!verdict) verdicts.byIsolation.set(isolation, (verdict = verdictFor(verdicts, isolation)));
    return verdict;
  },
  remediation:
    "Isolate egress with a NetworkPolicy and, where 0.0.0.0/0 must be allowed, add `except: [169.254.169.254/32]` to the ipBlock (or a Cilium egressDeny rule). Also use the cloud's protections: IMDSv2 with a hop limit of 1 on EKS, Workload Identity on GKE and AKS.",
  refs: {
    mitre: ["T1552.005"],
  },
});
