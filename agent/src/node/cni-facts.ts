// Which CNI plugins a node uses: from the network daemons running on it and from the network
// configuration the container runtime loads (the first file of /etc/cni/net.d in lexical order).
import type { HostProcess } from "./host-processes";
import { processName } from "./host-processes";
import { ConfigParseError, parseConfigText } from "./config-files";
import { fsErrorReason, type HostFs } from "./host-fs";

export const CNI_CONFIG_DIR = "/etc/cni/net.d";

/** Network daemons by process name → the plugin name NodeInfo reports. */
const CNI_DAEMONS: Record<string, string> = {
  "calico-node": "Calico",
  "calico-felix": "Calico",
  flanneld: "Flannel",
  "cilium-agent": "Cilium",
  weaver: "WeaveNet",
  "weave-npc": "WeaveNet",
  "kube-router": "Kube-router",
  "antrea-agent": "Antrea",
  "aws-k8s-agent": "aws",
  "aws-network-policy-agent": "aws-network-policy-agent",
  ovnkube: "OVN-Kubernetes",
  "openshift-sdn-node": "OpenShift-SDN",
  "azure-npm": "Azure-NPM",
  kindnetd: "kindnet",
};

/** CNI plugin `type`s of a network configuration → plugin name. */
const CNI_TYPES: Record<string, string> = {
  calico: "Calico",
  flannel: "Flannel",
  "cilium-cni": "Cilium",
  "weave-net": "WeaveNet",
  antrea: "Antrea",
  "aws-cni": "aws",
  "ovn-k8s-cni-overlay": "OVN-Kubernetes",
  "openshift-sdn": "OpenShift-SDN",
  "azure-vnet": "Azure-CNI",
  "kube-ovn": "Kube-OVN",
};

/** Chained plugins that adjust a pod's interface but are not the network itself. */
const META_PLUGINS = new Set(["portmap", "bandwidth", "tuning", "loopback", "firewall", "sbr", "vrf", "egress-cni", "host-local", "static", "dhcp"]);

export function cniNamesFromProcesses(processes: readonly HostProcess[]): string[] {
  const names = new Set<string>();
  for (const p of processes) {
    const name = CNI_DAEMONS[processName(p.argv)];
    if (name) names.add(name);
  }
  return [...names];
}

/** Plugin names of one network configuration (`.conf`: one plugin; `.conflist`: a chain). */
export function cniNamesFromConfig(config: Record<string, unknown>): string[] {
  const plugins = Array.isArray(config.plugins) ? config.plugins : [config];
  const names: string[] = [];
  for (const plugin of plugins) {
    const type = (plugin as Record<string, unknown>)?.type;
    if (typeof type !== "string" || META_PLUGINS.has(type)) continue;
    const name = CNI_TYPES[type] ?? type;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The runtime loads the first `.conf`, `.conflist` or `.json` file of the directory in lexical order. */
export function activeCniConfig(files: readonly string[]): string | undefined {
  return [...files].sort().find((f) => /\.(conf|conflist|json)$/.test(f));
}

export async function readCniNames(hostFs: HostFs, processes: readonly HostProcess[], configFiles: readonly string[], errors: string[]): Promise<string[]> {
  const names = cniNamesFromProcesses(processes);
  const active = activeCniConfig(configFiles);
  if (active) {
    try {
      for (const name of cniNamesFromConfig(parseConfigText(await hostFs.readText(active)))) if (!names.includes(name)) names.push(name);
    } catch (error) {
      errors.push(`${active}: ${error instanceof ConfigParseError ? error.message : fsErrorReason(error)}`);
    }
  }
  return names;
}
