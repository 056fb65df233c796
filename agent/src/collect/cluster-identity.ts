// Who the cluster is: the kube-system namespace UID (stable for the cluster's life), and what it runs
// on, read from nodes and the version endpoint.
import type { KubeClient } from "./kube-client";

type Node = { metadata?: { labels?: Record<string, string>; name?: string }; spec?: { providerID?: string }; status?: { nodeInfo?: { kubeletVersion?: string; osImage?: string } } };

export interface ClusterFacts {
  uid: string;
  kubernetesVersion: string;
  platform?: string;
  provider: string;
  region?: string;
  nodeCount: number;
}

/** Provider from node provider IDs, labels and the version string; "on-prem" when nothing says otherwise. */
export function detectProvider(nodes: Node[], gitVersion: string, groups: string[]): string {
  const ids = nodes.map((n) => n.spec?.providerID ?? "");
  const labels = nodes.map((n) => n.metadata?.labels ?? {});
  const hasLabel = (prefix: string) => labels.some((l) => Object.keys(l).some((k) => k.startsWith(prefix)));
  if (groups.some((g) => g === "config.openshift.io" || g === "route.openshift.io")) return "openshift";
  if (labels.some((l) => l["eks.amazonaws.com/nodegroup"] || l["eks.amazonaws.com/compute-type"]) || /-eks-/.test(gitVersion)) return "eks";
  if (hasLabel("kubernetes.azure.com/")) return "aks";
  if (hasLabel("cloud.google.com/gke-") || /-gke\./.test(gitVersion)) return "gke";
  if (/\+k3s/.test(gitVersion)) return "k3s";
  if (/\+rke2/.test(gitVersion)) return "rke2";
  if (ids.some((id) => id.startsWith("kind://"))) return "kind";
  if (ids.some((id) => id.startsWith("aws://"))) return "aws";
  if (ids.some((id) => id.startsWith("azure://"))) return "azure";
  if (ids.some((id) => id.startsWith("gce://"))) return "gcp";
  if (ids.some((id) => id.startsWith("kwok://")) || nodes.some((n) => n.metadata?.labels?.["type"] === "kwok")) return "kwok";
  return "on-prem";
}

export function detectRegion(nodes: Node[]): string | undefined {
  for (const n of nodes) {
    const l = n.metadata?.labels ?? {};
    const region = l["topology.kubernetes.io/region"] ?? l["failure-domain.beta.kubernetes.io/region"];
    if (region) return region;
  }
  return undefined;
}

export async function readClusterFacts(client: KubeClient, nodes: Node[], groups: string[]): Promise<ClusterFacts> {
  const ns = await client.get<{ metadata?: { uid?: string } }>("/api/v1/namespaces/kube-system");
  const uid = ns.metadata?.uid;
  if (!uid) throw new Error("the kube-system namespace has no uid: cannot identify the cluster");
  const version = await client.get<{ gitVersion?: string; platform?: string }>("/version");
  const gitVersion = version.gitVersion ?? "unknown";
  return {
    uid,
    kubernetesVersion: gitVersion,
    platform: version.platform,
    provider: detectProvider(nodes, gitVersion, groups),
    region: detectRegion(nodes),
    nodeCount: nodes.length,
  };
}
