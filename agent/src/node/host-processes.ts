// The node's running processes, read from the host's /proc (mounted under the host root, so it shows
// the node's PID namespace without hostPID). Only command lines are read: never environ, never memory.
import path from "node:path";
import { parseCommandLine } from "../../../lib/engine/host-sensor";
import { looksLikeCredentialValue, CREDENTIAL_MARKER } from "../../../lib/snapshot/credential-detection";
import { isNotFound, type HostFs } from "./host-fs";

export interface HostProcess {
  pid: number;
  argv: string[];
}

/** Kubernetes components node mode looks for, by process name. */
export const KUBERNETES_COMPONENTS = ["kubelet", "kube-proxy", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"] as const;
export type KubernetesComponent = (typeof KUBERNETES_COMPONENTS)[number];

/** hyperkube (Kubernetes ≤ 1.18) ran every component from one binary: `hyperkube kubelet …`. */
const HYPERKUBE_ALIASES: Record<string, KubernetesComponent> = {
  kubelet: "kubelet",
  proxy: "kube-proxy",
  "kube-proxy": "kube-proxy",
  apiserver: "kube-apiserver",
  "kube-apiserver": "kube-apiserver",
  "controller-manager": "kube-controller-manager",
  "kube-controller-manager": "kube-controller-manager",
  scheduler: "kube-scheduler",
  "kube-scheduler": "kube-scheduler",
};

/** `/proc/<pid>/cmdline` → argv. Its arguments are NUL-terminated; an empty file is a kernel thread or zombie. */
export function splitCmdline(raw: string): string[] {
  const parts = raw.split("\0");
  if (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

export function processName(argv: readonly string[]): string {
  return argv.length ? path.posix.basename(argv[0]) : "";
}

/** Which component a process is, if any, and the argv its flags are parsed from. */
export function identifyComponent(argv: readonly string[]): { component: KubernetesComponent; argv: string[] } | undefined {
  const name = processName(argv);
  if ((KUBERNETES_COMPONENTS as readonly string[]).includes(name)) return { component: name as KubernetesComponent, argv: [...argv] };
  if (name === "hyperkube" && argv[1] && HYPERKUBE_ALIASES[argv[1]]) return { component: HYPERKUBE_ALIASES[argv[1]], argv: [argv[1], ...argv.slice(2)] };
  return undefined;
}

/** Every process of the node with a command line, lowest PID first. */
export async function listHostProcesses(hostFs: HostFs, errors: string[]): Promise<HostProcess[]> {
  let entries: string[];
  try {
    entries = await hostFs.list("/proc");
  } catch (error) {
    errors.push(`/proc: cannot list processes (${(error as Error).message}); is the host's /proc mounted under the host root?`);
    return [];
  }
  const pids = entries.filter((e) => /^\d+$/.test(e)).map(Number).sort((a, b) => a - b);
  const processes: HostProcess[] = [];
  for (const pid of pids) {
    try {
      const argv = splitCmdline(await hostFs.readText(`/proc/${pid}/cmdline`));
      if (argv.length) processes.push({ pid, argv });
    } catch (error) {
      // Processes exit between the listing and the read; anything else is worth knowing.
      if (!isNotFound(error) && (error as NodeJS.ErrnoException).code !== "ESRCH") errors.push(`/proc/${pid}/cmdline: ${(error as Error).message}`);
    }
  }
  return processes;
}

/**
 * Flags of a component's command line (`--name=value`, `--name value`, bare booleans, last one wins;
 * `parseCommandLine` of the engine is the reference). A value shaped like a credential (a URL with a
 * password, a token) is replaced by the redaction marker: command lines are not meant to carry them.
 */
export function componentFlags(argv: readonly string[]): Record<string, string> {
  const flags = parseCommandLine(argv).flags;
  for (const [name, value] of Object.entries(flags)) if (looksLikeCredentialValue(value)) flags[name] = CREDENTIAL_MARKER;
  return flags;
}

export interface FoundComponent {
  pid: number;
  argv: string[];
  flags: Record<string, string>;
}

/** The first (lowest PID) process of each Kubernetes component. */
export function findComponents(processes: readonly HostProcess[]): Partial<Record<KubernetesComponent, FoundComponent>> {
  const found: Partial<Record<KubernetesComponent, FoundComponent>> = {};
  for (const p of processes) {
    const id = identifyComponent(p.argv);
    if (!id || found[id.component]) continue;
    found[id.component] = { pid: p.pid, argv: id.argv, flags: componentFlags(id.argv) };
  }
  return found;
}
