// Whether the CNI plugins reported on a node enforce Kubernetes NetworkPolicy objects.
import type { NodeInfo, Violation } from "../../engine/types";

/** Plugins that enforce NetworkPolicy (lower-case, punctuation removed). */
const ENFORCING = new Set([
  "calico",
  "canal",
  "cilium",
  "weave",
  "weavenet",
  "antrea",
  "kuberouter",
  "romana",
  "openshiftsdn",
  "ovnkubernetes",
  "ovn",
  "azurenpm",
  // The AWS VPC CNI enforces policies only with its network policy agent enabled.
  "awsnetworkpolicyagent",
]);

/** Plugins that only provide connectivity: NetworkPolicy objects are accepted but have no effect. */
const CONNECTIVITY_ONLY = new Set(["flannel", "aws", "awsvpccni", "bridge", "hostlocal", "kubenet", "kindnet", "macvlan", "ipvlan", "ptp"]);

function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function cniNames(node: NodeInfo): string[] | undefined {
  const names = node.spec?.cni?.names;
  return Array.isArray(names) && names.length ? names.filter((n) => typeof n === "string") : undefined;
}

/** [] when some plugin enforces NetworkPolicy, a violation otherwise, null when the node reported no CNI. */
export function evaluateNetworkPolicySupport(node: NodeInfo): Violation[] | null {
  const names = cniNames(node);
  if (!names) return null;
  if (names.some((n) => ENFORCING.has(normalize(n)))) return [];
  const unknown = names.filter((n) => !CONNECTIVITY_ONLY.has(normalize(n)));
  const message = unknown.length
    ? `No CNI plugin on this node is known to enforce NetworkPolicy (found: ${names.join(", ")})`
    : `The CNI plugins on this node (${names.join(", ")}) do not enforce NetworkPolicy: policies are accepted by the API but have no effect`;
  return [{ message, paths: ["spec.cni.names"] }];
}
