import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { EvalTarget } from "../../engine/types";
import { compareMinor, parseKubernetesVersion } from "./kubernetes-version";

interface VersionedThing {
  /** What runs the version, for messages. */
  what: string;
  version: string;
  path?: string;
}

export default defineControl<VersionedThing>({
  id: "SS-0273",
  name: "Kubernetes version is out of support",
  description:
    "Fails when a node's kubelet (Node status.nodeInfo.kubeletVersion) or the cluster's reported Kubernetes version is older than the oldest supported minor release (setting minimumKubernetesVersion).",
  rationale:
    "Releases past their end of life receive no security fixes: known vulnerabilities in the API server, kubelet or kube-proxy stay exploitable.",
  severity: "low",
  category: "control-plane",
  targets(ctx) {
    const targets: EvalTarget<VersionedThing>[] = [];
    for (const node of ctx.index.byKind("Node")) {
      const version = node.status?.nodeInfo?.kubeletVersion;
      if (typeof version !== "string") continue;
      targets.push({
        resource: { object: refOf(node) },
        value: { what: `kubelet on node ${node.metadata?.name ?? ""}`, version, path: "status.nodeInfo.kubeletVersion" },
      });
    }
    if (ctx.cluster.kubernetesVersion) {
      const name = ctx.cluster.name || "cluster";
      targets.push({
        resource: { object: { apiVersion: "shipshape.dev/v1alpha1", kind: "ClusterFacts", name } },
        value: { what: `cluster ${name}`, version: ctx.cluster.kubernetesVersion },
      });
    }
    return targets;
  },
  evaluate(thing, ctx) {
    const version = parseKubernetesVersion(thing.version);
    const minimum = parseKubernetesVersion(ctx.settings.minimumKubernetesVersion);
    if (!version || !minimum) return null;
    if (compareMinor(version, minimum) >= 0) return [];
    return [
      {
        message: `${thing.what} runs Kubernetes ${thing.version}, older than the oldest supported release ${minimum.major}.${minimum.minor}`,
        ...(thing.path ? { paths: [thing.path] } : {}),
      },
    ];
  },
  remediation:
    "Upgrade the control plane, then the nodes, one minor release at a time to a supported Kubernetes version, and keep a regular upgrade cadence (each minor release is supported for about 14 months).",
  refs: { kubescape: ["C-0273"], nsa: ["upgrading-and-patching"], mitre: ["T1190"] },
});
