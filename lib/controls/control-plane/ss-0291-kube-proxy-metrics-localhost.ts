import { parse } from "yaml";
import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { EvalTarget, K8sObject, NodeInfo, Violation } from "../../engine/types";
import { hostOf, isLoopbackHost } from "./loopback-address";
import { commandCandidates, commandMentions, KUBE_PROXY, parseProcessFlags, type CommandCandidate } from "./static-pod-flags";

// kube-proxy's own default (KubeProxyConfiguration defaulting and the flag): loopback only.
const DEFAULT_METRICS_ADDRESS = "127.0.0.1:10249";

type KubeProxySource =
  | { kind: "config"; object: K8sObject; key: string; metricsBindAddress: unknown }
  | { kind: "process"; object: K8sObject; containerName: string; address?: { value: string; path: string } };

function isKubeProxyConfig(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== "object") return false;
  const doc = value as { kind?: unknown; apiVersion?: unknown };
  return doc.kind === "KubeProxyConfiguration" || (typeof doc.apiVersion === "string" && doc.apiVersion.startsWith("kubeproxy.config.k8s.io/"));
}

/** KubeProxyConfiguration documents held in ConfigMaps (kubeadm's `kube-proxy`, EKS's `kube-proxy-config`, …). */
function configSources(configMaps: readonly K8sObject[]): KubeProxySource[] {
  const sources: KubeProxySource[] = [];
  for (const cm of configMaps) {
    const data = (cm.data ?? {}) as Record<string, unknown>;
    for (const [key, text] of Object.entries(data)) {
      if (typeof text !== "string" || !/KubeProxyConfiguration|kubeproxy\.config\.k8s\.io/.test(text)) continue;
      let doc: unknown;
      try {
        doc = parse(text);
      } catch {
        continue;
      }
      if (isKubeProxyConfig(doc)) sources.push({ kind: "config", object: cm, key, metricsBindAddress: doc.metricsBindAddress });
    }
  }
  return sources;
}

/**
 * kube-proxy processes whose command line decides the address. With --config the flags are ignored
 * (the ConfigMap is judged instead), so such processes are not targets.
 */
function processSources(candidates: readonly CommandCandidate[]): KubeProxySource[] {
  const sources: KubeProxySource[] = [];
  for (const { obj, container, path } of candidates) {
    if (!commandMentions(container, KUBE_PROXY)) continue;
    const parsed = parseProcessFlags(
      container,
      path,
      (token) => (token.split("/").pop() === "kube-proxy" ? { name: "kube-proxy", skip: 1 } : undefined),
      KUBE_PROXY,
    );
    if (!parsed) continue;
    const last = (name: string) => [...parsed.occurrences].reverse().find((o) => o.name === name);
    if (last("config")?.value) continue;
    const flag = last("metrics-bind-address");
    sources.push({
      kind: "process",
      object: obj,
      containerName: String(container.name ?? ""),
      address: flag ? { value: flag.value, path: flag.path } : undefined,
    });
  }
  return sources;
}

/** kube-proxy flags from node facts, used when no kube-proxy workload is in the scan. */
function nodeFactSources(nodes: readonly NodeInfo[]): KubeProxySource[] {
  const sources: KubeProxySource[] = [];
  for (const node of nodes) {
    const flags = node.spec?.kubeProxyFlags;
    if (!flags || typeof flags !== "object" || flags.config) continue;
    const value = flags["metrics-bind-address"];
    sources.push({
      kind: "process",
      object: node,
      containerName: "",
      address: typeof value === "string" ? { value, path: "spec.kubeProxyFlags.metrics-bind-address" } : undefined,
    });
  }
  return sources;
}

function judge(address: string, where: string, paths: string[]): Violation[] {
  const host = hostOf(address);
  if (isLoopbackHost(host)) return [];
  const shown = host === "" || host === "0.0.0.0" || host === "::" ? `all interfaces (${address})` : address;
  return [{ message: `${where}: kube-proxy serves metrics on ${shown}, reachable from other hosts`, paths }];
}

export default defineControl<KubeProxySource>({
  id: "SS-0291",
  name: "kube-proxy metrics are exposed beyond localhost",
  description:
    "Fails when kube-proxy's metrics address (metricsBindAddress in its KubeProxyConfiguration ConfigMap, or --metrics-bind-address of a kube-proxy workload or of node facts when it runs without --config) is not a loopback address. Unset uses kube-proxy's default, 127.0.0.1:10249.",
  rationale:
    "The metrics endpoint is unauthenticated and describes every Service and endpoint the node programs; bound to all interfaces, it lets anyone on the network map the cluster.",
  severity: "medium",
  category: "network",
  targets(ctx) {
    const configMaps = ctx.index.byKind("ConfigMap").filter((cm) => cm.metadata?.namespace === "kube-system");
    // Top-level pod bearers only: a kube-proxy Pod of a DaemonSet is judged on the DaemonSet.
    let processes = processSources(commandCandidates(ctx));
    if (processes.length === 0) processes = nodeFactSources(ctx.nodes);
    return [...configSources(configMaps), ...processes].map(
      (value): EvalTarget<KubeProxySource> => ({ resource: { object: refOf(value.object) }, value }),
    );
  },
  evaluate(source) {
    const ns = source.object.metadata?.namespace;
    const where = `${source.object.kind} ${ns ? `${ns}/` : ""}${source.object.metadata?.name ?? ""}`;
    if (source.kind === "config") {
      const value = source.metricsBindAddress;
      if (value === undefined || value === null || value === "") return [];
      return judge(String(value), `${where} (${source.key})`, ["data"]);
    }
    // An explicitly empty flag turns the metrics server off.
    if (!source.address) return judge(DEFAULT_METRICS_ADDRESS, where, []);
    if (source.address.value === "") return [];
    return judge(source.address.value, source.containerName ? `${where} container ${source.containerName}` : where, [source.address.path]);
  },
  remediation:
    "Set `metricsBindAddress: 127.0.0.1:10249` in kube-proxy's KubeProxyConfiguration (or `--metrics-bind-address=127.0.0.1:10249` when it runs without a config file) and scrape metrics from the node itself.",
  refs: { kubescape: ["C-0291"], cis: ["4.3.1"] },
});
