// Maps Kubescape host-sensor objects (apiVersion hostdata.kubescape.cloud/*: KubeletInfo,
// ControlPlaneInfo, LinuxKernelVariables, …) to our NodeInfo format so existing node data can be scored.
// The NodeInfo format is the contract (docs/node-info.md); this file only translates into it.
import { parse as parseYaml } from "yaml";
import {
  NODE_INFO_API_VERSION,
  type ConfigDocument,
  type FileFact,
  type K8sObject,
  type NodeInfo,
  type NodeInfoSpec,
} from "./types";

export const HOST_SENSOR_GROUP = "hostdata.kubescape.cloud";

export function isHostSensorObject(obj: K8sObject): boolean {
  return typeof obj.apiVersion === "string" && obj.apiVersion.startsWith(`${HOST_SENSOR_GROUP}/`);
}

// Boolean flags of the Kubernetes components (pflag) and etcd (Go flag): for these `--flag value`
// does NOT consume `value`, so a bare `--flag` means true and the next word is a positional argument.
const BOOLEAN_FLAGS = new Set([
  // kubelet
  "anonymous-auth", "authentication-token-webhook", "protect-kernel-defaults", "make-iptables-util-chains",
  "rotate-certificates", "rotate-server-certificates", "fail-swap-on", "enable-server", "enable-debugging-handlers",
  "enable-controller-attach-detach", "cgroups-per-qos", "register-node", "register-schedulable",
  "serialize-image-pulls", "kernel-memcg-notification", "seccomp-default", "exit-on-lock-contention",
  "keep-terminated-pod-volumes", "local-storage-capacity-isolation", "fail-cgroupv1", "enable-cadvisor-json-endpoints",
  "docker-only", "storage-driver-secure",
  // shared by control-plane components
  "allow-privileged", "profiling", "contention-profiling", "leader-elect", "enable-bootstrap-token-auth",
  "service-account-lookup", "enable-aggregator-routing", "enable-garbage-collector", "enable-priority-and-fairness",
  "enable-logs-handler", "audit-log-compress", "use-service-account-credentials", "allocate-node-cidrs",
  "configure-cloud-routes", "enable-dynamic-provisioning", "enable-hostpath-provisioner", "enable-taint-manager",
  "service-account-extend-token-expiration", "permit-port-sharing", "permit-address-sharing",
  "masquerade-all", "cleanup", "bind-address-hard-fail",
  // etcd
  "client-cert-auth", "peer-client-cert-auth", "auto-tls", "peer-auto-tls", "enable-v2", "enable-pprof",
  "strict-reconfig-check", "force-new-cluster", "debug", "experimental-initial-corrupt-check",
  // logging
  "alsologtostderr", "logtostderr", "add-dir-header", "skip-headers", "skip-log-headers", "one-output", "help",
]);

export interface ParsedCommandLine {
  executable?: string;
  /** Flag name (without dashes) → value; a repeated flag keeps its last value, as the components do. */
  flags: Record<string, string>;
  positional: string[];
}

/**
 * Parses a process command line (argv, or argv joined by spaces as the host sensor reports it)
 * the way pflag would: `--name=value`, `--name value` for non-boolean flags, bare `--name` = "true".
 */
export function parseCommandLine(cmdLine: string | readonly string[]): ParsedCommandLine {
  const words = typeof cmdLine === "string" ? cmdLine.split(/\s+/).filter(Boolean) : cmdLine.filter((w) => w !== "");
  const result: ParsedCommandLine = { flags: {}, positional: [] };
  let i = 0;
  if (words.length && !words[0].startsWith("-")) result.executable = words[i++];
  for (; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith("-") || word === "-" || word === "--") {
      result.positional.push(word);
      continue;
    }
    const body = word.replace(/^--?/, "");
    const eq = body.indexOf("=");
    if (eq >= 0) {
      result.flags[body.slice(0, eq)] = body.slice(eq + 1);
    } else if (BOOLEAN_FLAGS.has(body)) {
      result.flags[body] = "true";
    } else if (i + 1 < words.length && !words[i + 1].startsWith("-")) {
      result.flags[body] = words[++i];
    } else {
      result.flags[body] = "true";
    }
  }
  return result;
}

type HostData = Record<string, unknown>;

function asRecord(value: unknown): HostData | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as HostData) : undefined;
}

/** The host sensor serializes file contents as Go []byte (base64); plain text is accepted too. */
export function decodeHostContent(content: unknown): string | undefined {
  if (typeof content !== "string" || content === "") return undefined;
  const compact = content.replace(/\s+/g, "");
  if (compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    try {
      const binary = atob(compact);
      const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // Not base64 after all (or not UTF-8): fall through to the plain text.
    }
  }
  return content;
}

function fileFact(info: unknown): FileFact | undefined {
  const file = asRecord(info);
  if (!file || typeof file.path !== "string" || typeof file.permissions !== "number") return undefined;
  const fact: FileFact = { path: file.path, mode: file.permissions & 0o7777 };
  const ownership = asRecord(file.ownership);
  if (ownership && !ownership.err) {
    if (typeof ownership.username === "string") fact.owner = ownership.username;
    if (typeof ownership.groupname === "string") fact.group = ownership.groupname;
    if (typeof ownership.uid === "number") fact.uid = ownership.uid;
    if (typeof ownership.gid === "number") fact.gid = ownership.gid;
  }
  return fact;
}

function fileFacts(list: unknown): FileFact[] {
  return Array.isArray(list) ? list.map(fileFact).filter((f): f is FileFact => !!f) : [];
}

// Kubernetes reads its YAML with YAML 1.1 rules (sigs.k8s.io/yaml), so `yes`/`on` are booleans there.
function parseConfigText(text: string): { content?: Record<string, unknown>; error?: string } {
  try {
    const value = parseYaml(text, { version: "1.1" });
    if (value === null || value === undefined) return { content: {} };
    if (typeof value !== "object" || Array.isArray(value)) return { error: "not a YAML/JSON object" };
    return { content: value as Record<string, unknown> };
  } catch (error) {
    return { error: `not valid YAML: ${(error as Error).message.split("\n")[0]}` };
  }
}

function configDocument(info: unknown, what: string): ConfigDocument | undefined {
  const file = asRecord(info);
  if (!file) return undefined;
  const doc: ConfigDocument = {};
  if (typeof file.path === "string") doc.path = file.path;
  const text = decodeHostContent(file.content);
  if (text === undefined) doc.error = `the ${what} was not collected`;
  else Object.assign(doc, parseConfigText(text));
  return doc;
}

/** Encryption keys never leave the parser, whatever the collector sent. */
function redactEncryptionKeys(config: Record<string, unknown>): Record<string, unknown> {
  const resources = Array.isArray(config.resources) ? config.resources : [];
  for (const resource of resources) {
    const providers = Array.isArray(asRecord(resource)?.providers) ? (asRecord(resource)!.providers as unknown[]) : [];
    for (const provider of providers) {
      for (const settings of Object.values(asRecord(provider) ?? {})) {
        const keys = asRecord(settings)?.keys;
        if (!Array.isArray(keys)) continue;
        for (const key of keys) if (asRecord(key) && "secret" in asRecord(key)!) asRecord(key)!.secret = "<redacted>";
      }
    }
  }
  return config;
}

function setFile(spec: NodeInfoSpec, role: string, fact: FileFact | FileFact[] | undefined) {
  if (!fact || (Array.isArray(fact) && fact.length === 0)) return;
  spec.files = { ...(spec.files ?? {}), [role]: fact };
}

function addRole(spec: NodeInfoSpec, role: string) {
  if (!spec.roles?.includes(role)) spec.roles = [...(spec.roles ?? []), role];
}

function mapKubeletInfo(spec: NodeInfoSpec, data: HostData) {
  const flags = typeof data.cmdLine === "string" ? parseCommandLine(data.cmdLine).flags : {};
  spec.kubeletFlags = flags;
  const configFile = asRecord(data.configFile);
  const configPath = (typeof configFile?.path === "string" && configFile.path) || flags.config;
  if (configPath) spec.kubeletConfigPath = configPath;
  const text = decodeHostContent(configFile?.content);
  if (text !== undefined) {
    const parsed = parseConfigText(text);
    if (parsed.content) spec.kubeletConfig = parsed.content;
    else spec.kubeletConfigError = `kubelet config file ${configPath ?? "(unknown path)"} is ${parsed.error}`;
  } else if (flags.config) {
    spec.kubeletConfigError = `kubelet config file ${flags.config} could not be read on the node`;
  }
  setFile(spec, "kubeletConfig", fileFact(data.configFile));
  setFile(spec, "kubeletKubeconfig", fileFact(data.kubeConfigFile));
  setFile(spec, "kubeletClientCA", fileFact(data.clientCAFile));
  setFile(spec, "kubeletService", fileFacts(data.serviceFiles));
}

function mapControlPlaneInfo(spec: NodeInfoSpec, data: HostData) {
  const controlPlane: NonNullable<NodeInfoSpec["controlPlane"]> = { ...(spec.controlPlane ?? {}) };
  const apiServer = asRecord(data.APIServerInfo);
  if (apiServer) {
    setFile(spec, "apiServerManifest", fileFact(apiServer.specsFile));
    setFile(spec, "encryptionProviderConfig", fileFact(apiServer.encryptionProviderConfigFile));
    setFile(spec, "auditPolicy", fileFact(apiServer.auditPolicyFile));
    if (typeof apiServer.cmdLine === "string" && apiServer.cmdLine.trim()) {
      const entry: NonNullable<typeof controlPlane["kube-apiserver"]> = { flags: parseCommandLine(apiServer.cmdLine).flags };
      const encryption = configDocument(apiServer.encryptionProviderConfigFile, "encryption provider config");
      if (encryption?.content) redactEncryptionKeys(encryption.content);
      if (encryption) entry.encryptionProviderConfig = encryption;
      const audit = configDocument(apiServer.auditPolicyFile, "audit policy file");
      if (audit) entry.auditPolicy = audit;
      controlPlane["kube-apiserver"] = entry;
    }
  }
  for (const [key, component, manifestRole, confRole] of [
    ["controllerManagerInfo", "kube-controller-manager", "controllerManagerManifest", "controllerManagerConf"],
    ["schedulerInfo", "kube-scheduler", "schedulerManifest", "schedulerConf"],
  ] as const) {
    const info = asRecord(data[key]);
    if (!info) continue;
    setFile(spec, manifestRole, fileFact(info.specsFile));
    setFile(spec, confRole, fileFact(info.configFile));
    if (typeof info.cmdLine === "string" && info.cmdLine.trim()) {
      controlPlane[component] = { flags: parseCommandLine(info.cmdLine).flags };
    }
  }
  setFile(spec, "etcdManifest", fileFact(data.etcdConfigFile));
  setFile(spec, "etcdDataDir", fileFact(data.etcdDataDir));
  setFile(spec, "adminConf", fileFact(data.adminConfigFile));
  setFile(spec, "pkiDir", fileFact(data.PKIDir));
  setFile(spec, "pkiFiles", fileFacts(data.PKIFiles));
  // Older host-sensor versions reported the CNI here instead of in CNIInfo.
  setFile(spec, "cniConfig", fileFacts(data.CNIConfigFiles));
  if (typeof data.CNIName === "string" && data.CNIName) spec.cni = { names: [data.CNIName] };
  if (Object.keys(controlPlane).length) spec.controlPlane = controlPlane;
  addRole(spec, "control-plane");
}

function mapKubeProxyInfo(spec: NodeInfoSpec, data: HostData) {
  if (typeof data.cmdLine === "string") spec.kubeProxyFlags = parseCommandLine(data.cmdLine).flags;
  setFile(spec, "kubeProxyKubeconfig", fileFact(data.kubeConfigFile));
  setFile(spec, "kubeProxyConfig", fileFact(data.configFile));
}

function mapCniInfo(spec: NodeInfoSpec, data: HostData) {
  setFile(spec, "cniConfig", fileFacts(data.CNIConfigFiles));
  if (Array.isArray(data.CNINames)) spec.cni = { names: data.CNINames.filter((n): n is string => typeof n === "string") };
}

function mapKernelVariables(spec: NodeInfoSpec, data: unknown) {
  if (!Array.isArray(data)) return;
  const sysctls: Record<string, string> = { ...(spec.kernel?.sysctls ?? {}) };
  for (const variable of data) {
    const v = asRecord(variable);
    if (!v || typeof v.value !== "string") continue;
    // `source` is the /proc/sys path, which gives the full dotted sysctl name (kernel.acct, not acct).
    const name =
      typeof v.source === "string" && v.source.startsWith("/proc/sys/")
        ? v.source.slice("/proc/sys/".length).replace(/\//g, ".")
        : typeof v.key === "string"
          ? v.key
          : undefined;
    if (name) sysctls[name] = v.value.trim();
  }
  spec.kernel = { ...(spec.kernel ?? {}), sysctls };
}

function mapKernelVersion(spec: NodeInfoSpec, data: unknown) {
  if (typeof data !== "string" || !data.trim()) return;
  const release = data.match(/^Linux version (\S+)/)?.[1] ?? data.trim().split(/\s+/)[0];
  spec.kernel = { ...(spec.kernel ?? {}), version: data.trim(), release };
}

function mapOsRelease(spec: NodeInfoSpec, data: unknown) {
  if (typeof data !== "string") return;
  const values: Record<string, string> = {};
  for (const line of data.split("\n")) {
    const m = line.match(/^\s*([A-Z_][A-Z0-9_]*)=(.*)$/);
    if (m) values[m[1]] = m[2].trim().replace(/^(["'])(.*)\1$/, "$2");
  }
  spec.os = { id: values.ID, versionId: values.VERSION_ID, image: values.PRETTY_NAME };
}

/** Mappers of object-shaped `data`; a missing or malformed `data` maps as an empty report. */
function objectData(map: (spec: NodeInfoSpec, data: HostData) => void) {
  return (spec: NodeInfoSpec, data: unknown) => map(spec, asRecord(data) ?? {});
}

const MAPPERS: Record<string, (spec: NodeInfoSpec, data: unknown) => void> = {
  kubeletinfo: objectData(mapKubeletInfo),
  controlplaneinfo: objectData(mapControlPlaneInfo),
  kubeproxyinfo: objectData(mapKubeProxyInfo),
  cniinfo: objectData(mapCniInfo),
  linuxkernelvariables: mapKernelVariables,
  kernelversion: mapKernelVersion,
  osreleasefile: mapOsRelease,
  cloudproviderinfo: objectData((spec, data) => {
    if (typeof data.providerMetaDataAPIAccess === "boolean") spec.cloud = { metadataApiReachable: data.providerMetaDataAPIAccess };
  }),
  linuxsecurityhardeningstatus: objectData((spec, data) => {
    spec.securityModules = {
      appArmor: typeof data.appArmor === "string" ? data.appArmor : undefined,
      seLinux: typeof data.seLinux === "string" ? data.seLinux : undefined,
    };
  }),
};

/** Host-sensor objects carry no node name when the sensor ran outside a cluster. */
const UNNAMED_NODE = "unknown-node";

/**
 * Converts host-sensor objects into NodeInfo objects, one per node (metadata.name). Kinds the library
 * does not use (OpenPortsList, …) are ignored. When the same kind appears twice for one node, the second
 * report becomes a separate NodeInfo of that node, so neither report hides the other.
 */
export function nodeInfoFromHostSensor(objects: readonly K8sObject[]): NodeInfo[] {
  const slotsByNode = new Map<string, { kinds: Set<string>; spec: NodeInfoSpec }[]>();
  const order: { kinds: Set<string>; spec: NodeInfoSpec }[] = [];
  for (const obj of objects) {
    const kind = String(obj.kind ?? "").toLowerCase();
    const mapper = MAPPERS[kind];
    if (!mapper) continue;
    const nodeName = (typeof obj.metadata?.name === "string" && obj.metadata.name) || UNNAMED_NODE;
    const slots = slotsByNode.get(nodeName) ?? [];
    slotsByNode.set(nodeName, slots);
    let slot = slots.find((s) => !s.kinds.has(kind));
    if (!slot) {
      slot = { kinds: new Set(), spec: { nodeName, source: "kubescape-host-sensor" } };
      slots.push(slot);
      order.push(slot);
    }
    slot.kinds.add(kind);
    mapper(slot.spec, obj.data);
  }
  return order.map(({ spec }) => ({
    apiVersion: NODE_INFO_API_VERSION,
    kind: "NodeInfo",
    metadata: { name: spec.nodeName },
    spec,
  }));
}
