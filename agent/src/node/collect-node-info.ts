// Node mode's collection: one NodeInfo (docs/node-info.md) from the node's filesystem mounted
// read-only under a host root. Phases: processes → kubelet → kube-proxy → control plane → files →
// kernel/OS/CNI. What cannot be read becomes a collection error in plain words, never a crash.
import path from "node:path";
import { NODE_INFO_API_VERSION, type ApiServerFacts, type NodeInfo, type NodeInfoSpec } from "../../../lib/engine/types";
import { readConfigDocument, readKubeletConfig, redactEncryptionConfig, ConfigParseError, parseConfigText } from "./config-files";
import { CNI_CONFIG_DIR, readCniNames } from "./cni-facts";
import { FileFactCollector } from "./file-facts";
import { readHostAccounts } from "./host-accounts";
import { HostFs, fsErrorReason, isNotFound } from "./host-fs";
import { findComponents, listHostProcesses, type FoundComponent } from "./host-processes";
import { readHostName, readKernelFacts, readOsFacts, readSecurityModules } from "./kernel-facts";

export const DEFAULT_HOST_ROOT = "/host";
export const DEFAULT_STATIC_POD_PATH = "/etc/kubernetes/manifests";
export const KUBERNETES_PKI_DIR = "/etc/kubernetes/pki";
/** Where AKS nodes keep the cloud provider configuration when no --cloud-config flag names it. */
export const AKS_CLOUD_CONFIG = "/etc/kubernetes/azure.json";

/** Where systemd looks for the kubelet's unit and drop-ins, most specific first. */
const SYSTEMD_UNIT_DIRS = ["/etc/systemd/system", "/run/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system"];

const STATIC_POD_ROLES: Record<string, string> = {
  "kube-apiserver": "apiServerManifest",
  "kube-controller-manager": "controllerManagerManifest",
  "kube-scheduler": "schedulerManifest",
  etcd: "etcdManifest",
};

export interface CollectNodeOptions {
  /** Where the node's root filesystem is mounted (read-only) in this process's view. */
  hostRoot?: string;
  /** The node's name as in its Node object; defaults to the node's /etc/hostname. */
  nodeName?: string;
  /** Receives the HostFs used, so callers can audit what was read. */
  hostFs?: HostFs;
}

export class NodeNameUnknownError extends Error {
  constructor(hostRoot: string) {
    super(`cannot tell the node's name: pass --node-name (or NODE_NAME), ${hostRoot}/etc/hostname is missing`);
    this.name = "NodeNameUnknownError";
  }
}

/** A path from a process flag or a config field: relative paths are relative to `base`. */
function hostPathOf(value: unknown, base = "/"): string | undefined {
  if (typeof value !== "string" || !value.trim()) return undefined;
  return path.posix.resolve(base, value.trim());
}

function configField(config: Record<string, unknown> | undefined, ...keys: string[]): unknown {
  let current: unknown = config;
  for (const key of keys) {
    if (!current || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Flags that name credentials (kubeconfigs, private keys, token and password files): never opened. */
const CREDENTIAL_FLAG = /kubeconfig|key-file|private-key|-key$|^key$|token-auth-file|basic-auth-file|password|secret|cloud-config/;

export function credentialPaths(flags: Record<string, string>): string[] {
  return Object.entries(flags)
    .filter(([name]) => CREDENTIAL_FLAG.test(name))
    .map(([, value]) => hostPathOf(value))
    .filter((p): p is string => !!p);
}

/**
 * The kubelet's systemd unit file and its drop-ins, each file once: `/lib` is often a link to `/usr/lib`,
 * or both are mounted separately into the pod, so files are told apart by device and inode.
 */
async function kubeletServiceFiles(hostFs: HostFs, files: FileFactCollector): Promise<string[]> {
  const seen = new Set<string>();
  const found: string[] = [];
  const add = async (hostPath: string) => {
    try {
      const { stats } = await hostFs.stat(hostPath);
      const identity = `${stats.dev}:${stats.ino}`;
      if (!stats.isFile() || seen.has(identity)) return;
      seen.add(identity);
      found.push(hostPath);
    } catch {
      // Not there: systemd looks in several places and uses what exists.
    }
  };
  for (const dir of SYSTEMD_UNIT_DIRS) {
    await add(`${dir}/kubelet.service`);
    for (const dropIn of await files.filesIn(`${dir}/kubelet.service.d`, (n) => n.endsWith(".conf"))) await add(dropIn);
  }
  return found;
}

/** The kubeconfig kube-proxy uses: --kubeconfig, else `clientConnection.kubeconfig` of its --config file. */
async function kubeProxyKubeconfigPath(hostFs: HostFs, proxy: FoundComponent, errors: string[]): Promise<string | undefined> {
  const flag = hostPathOf(proxy.flags.kubeconfig);
  if (flag) return flag;
  const configPath = hostPathOf(proxy.flags.config);
  if (!configPath) return undefined;
  try {
    // Read only to find the kubeconfig's path: the KubeProxyConfiguration itself is not sent.
    const config = parseConfigText(await hostFs.readText(configPath));
    return hostPathOf(configField(config, "clientConnection", "kubeconfig"), path.posix.dirname(configPath));
  } catch (error) {
    if (!isNotFound(error)) errors.push(`${configPath}: ${error instanceof ConfigParseError ? error.message : fsErrorReason(error)}`);
    return undefined;
  }
}

export async function collectNodeInfo(options: CollectNodeOptions = {}): Promise<NodeInfo> {
  const hostRoot = options.hostRoot ?? DEFAULT_HOST_ROOT;
  const hostFs = options.hostFs ?? new HostFs(hostRoot);
  const errors: string[] = [];
  const nodeName = options.nodeName?.trim() || (await readHostName(hostFs));
  if (!nodeName) throw new NodeNameUnknownError(hostRoot);

  const accounts = await readHostAccounts(hostFs, errors);
  const files = new FileFactCollector(hostFs, accounts, errors);
  const processes = await listHostProcesses(hostFs, errors);
  const components = findComponents(processes);
  for (const component of Object.values(components)) for (const credential of credentialPaths(component.flags)) hostFs.denyRead(credential);
  const spec: NodeInfoSpec = { nodeName, source: "shipshape-agent" };

  // Kubelet: flags, the effective config file, and the files both point at.
  const kubelet = components.kubelet;
  let kubeletConfig: Record<string, unknown> | undefined;
  if (kubelet) {
    spec.kubeletFlags = kubelet.flags;
    const configPath = hostPathOf(kubelet.flags.config);
    const configDir = hostPathOf(kubelet.flags["config-dir"]);
    if (configPath) spec.kubeletConfigPath = configPath;
    const result = await readKubeletConfig(hostFs, configPath, configDir);
    if (result.config) spec.kubeletConfig = kubeletConfig = result.config;
    if (result.error) spec.kubeletConfigError = result.error;
    await files.single("kubeletConfig", configPath, "the kubelet's --config");
    const kubeconfig = hostPathOf(kubelet.flags.kubeconfig);
    await files.single("kubeletKubeconfig", kubeconfig, "the kubelet's --kubeconfig");
    // Relative paths in a KubeletConfiguration are relative to the config file's directory.
    const clientCA =
      hostPathOf(kubelet.flags["client-ca-file"]) ??
      hostPathOf(configField(kubeletConfig, "authentication", "x509", "clientCAFile"), configPath ? path.posix.dirname(configPath) : "/");
    await files.single("kubeletClientCA", clientCA, "the kubelet's client CA file");
  } else {
    errors.push("no running kubelet was found in /proc: kubelet flags and configuration are missing");
  }
  await files.list("kubeletService", await kubeletServiceFiles(hostFs, files));

  // kube-proxy: flags; its kubeconfig and config file when they are on the node's filesystem.
  const proxy = components["kube-proxy"];
  if (proxy) {
    spec.kubeProxyFlags = proxy.flags;
    const kubeconfig = await kubeProxyKubeconfigPath(hostFs, proxy, errors);
    if (kubeconfig) hostFs.denyRead(kubeconfig);
    await files.single("kubeProxyKubeconfig", kubeconfig, "kube-proxy's kubeconfig");
    await files.single("kubeProxyConfig", hostPathOf(proxy.flags.config), "kube-proxy's --config");
  }

  // Control plane: processes, static pod manifests, kubeconfigs, PKI, etcd data.
  const controlPlane: NonNullable<NodeInfoSpec["controlPlane"]> = {};
  const apiServer = components["kube-apiserver"];
  if (apiServer) {
    const facts: ApiServerFacts = { flags: apiServer.flags };
    const encryption = hostPathOf(apiServer.flags["encryption-provider-config"]);
    if (encryption) {
      facts.encryptionProviderConfig = await readConfigDocument(hostFs, encryption, "encryption provider config", redactEncryptionConfig);
      await files.single("encryptionProviderConfig", encryption);
    }
    const audit = hostPathOf(apiServer.flags["audit-policy-file"]);
    if (audit) {
      facts.auditPolicy = await readConfigDocument(hostFs, audit, "audit policy file");
      await files.single("auditPolicy", audit);
    }
    controlPlane["kube-apiserver"] = facts;
  }
  for (const name of ["kube-controller-manager", "kube-scheduler", "etcd"] as const) {
    const component = components[name];
    if (component) controlPlane[name] = { flags: component.flags };
  }
  if (Object.keys(controlPlane).length) spec.controlPlane = controlPlane;

  const staticPodPath =
    hostPathOf(kubelet?.flags["pod-manifest-path"]) ??
    hostPathOf(configField(kubeletConfig, "staticPodPath"), spec.kubeletConfigPath ? path.posix.dirname(spec.kubeletConfigPath) : "/") ??
    DEFAULT_STATIC_POD_PATH;
  for (const manifest of await files.filesIn(staticPodPath)) {
    const role = STATIC_POD_ROLES[path.posix.basename(manifest).replace(/\.(ya?ml|json|manifest)$/, "")];
    if (role && !files.files[role]) await files.single(role, manifest);
  }

  await files.single("adminConf", "/etc/kubernetes/admin.conf");
  const schedulerConf = hostPathOf(components["kube-scheduler"]?.flags.kubeconfig) ?? "/etc/kubernetes/scheduler.conf";
  const controllerManagerConf = hostPathOf(components["kube-controller-manager"]?.flags.kubeconfig) ?? "/etc/kubernetes/controller-manager.conf";
  hostFs.denyRead(schedulerConf);
  hostFs.denyRead(controllerManagerConf);
  await files.single("schedulerConf", schedulerConf);
  await files.single("controllerManagerConf", controllerManagerConf);

  if (await files.single("pkiDir", KUBERNETES_PKI_DIR)) await files.list("pkiFiles", await files.filesUnder(KUBERNETES_PKI_DIR));
  // The cloud provider config can hold cloud credentials (AKS azure.json: a service principal secret): stat only.
  const cloudConfig =
    hostPathOf(kubelet?.flags["cloud-config"]) ?? hostPathOf(components["kube-controller-manager"]?.flags["cloud-config"]) ?? AKS_CLOUD_CONFIG;
  hostFs.denyRead(cloudConfig);
  await files.single("cloudProviderConfig", cloudConfig, cloudConfig === AKS_CLOUD_CONFIG ? undefined : "a --cloud-config flag");

  const etcdDataDir = hostPathOf(components.etcd?.flags["data-dir"]);
  await files.single("etcdDataDir", etcdDataDir, "etcd's --data-dir");

  // Network, kernel and operating system.
  const cniFiles = await files.filesIn(CNI_CONFIG_DIR);
  await files.list("cniConfig", cniFiles);
  const cniNames = await readCniNames(hostFs, processes, cniFiles, errors);
  if (cniNames.length) spec.cni = { names: cniNames };
  spec.kernel = await readKernelFacts(hostFs, errors);
  const os = await readOsFacts(hostFs, errors);
  if (os) spec.os = os;
  // Linux security module state is global to the kernel: when the node's /sys is not mounted under the
  // host root, the pod's own /sys (read-only, from the runtime) tells the same.
  spec.securityModules = await readSecurityModules((await hostFs.exists("/sys")) ? hostFs : new HostFs("/"), errors);

  const controlPlaneFound =
    !!spec.controlPlane || ["apiServerManifest", "controllerManagerManifest", "schedulerManifest", "etcdManifest", "adminConf"].some((r) => files.files[r]);
  spec.roles = [controlPlaneFound ? "control-plane" : "worker"];
  if (Object.keys(files.files).length) spec.files = files.files;
  if (errors.length) spec.collectionErrors = errors;
  return { apiVersion: NODE_INFO_API_VERSION, kind: "NodeInfo", metadata: { name: nodeName }, spec };
}
