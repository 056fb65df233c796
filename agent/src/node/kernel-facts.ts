// Kernel, operating system and Linux security module facts of the node.
import type { NodeInfoSpec } from "../../../lib/engine/types";
import { describeFsError, isNotFound, type HostFs } from "./host-fs";

/**
 * Sysctls read from the node, by dotted name. Only settings that are global to the node (not per
 * network namespace: /proc/sys/net shows the reading pod's namespace) and that matter for container
 * escapes and kernel hardening. The list is fixed so the facts do not churn with counters.
 */
export const COLLECTED_SYSCTLS = [
  "kernel.unprivileged_userns_clone",
  "user.max_user_namespaces",
  "kernel.unprivileged_bpf_disabled",
  "kernel.kptr_restrict",
  "kernel.dmesg_restrict",
  "kernel.perf_event_paranoid",
  "kernel.yama.ptrace_scope",
  "kernel.randomize_va_space",
  "kernel.kexec_load_disabled",
  "kernel.modules_disabled",
  "kernel.sysrq",
  "kernel.panic",
  "kernel.panic_on_oops",
  "kernel.keys.root_maxkeys",
  "kernel.keys.root_maxbytes",
  "vm.overcommit_memory",
  "vm.panic_on_oom",
  "fs.protected_hardlinks",
  "fs.protected_symlinks",
  "fs.suid_dumpable",
] as const;

export async function readKernelFacts(hostFs: HostFs, errors: string[]): Promise<NonNullable<NodeInfoSpec["kernel"]>> {
  const kernel: NonNullable<NodeInfoSpec["kernel"]> = {};
  const read = async (file: string) => {
    try {
      return await hostFs.readKernelValue(file);
    } catch (error) {
      errors.push(describeFsError(file, error));
      return undefined;
    }
  };
  const release = await read("/proc/sys/kernel/osrelease");
  if (release) kernel.release = release;
  const version = await read("/proc/version");
  if (version) kernel.version = version;
  if (!release && version) kernel.release = version.match(/^Linux version (\S+)/)?.[1];
  const sysctls: Record<string, string> = {};
  for (const name of COLLECTED_SYSCTLS) {
    const value = await read(`/proc/sys/${name.replace(/\./g, "/")}`);
    if (value !== undefined) sysctls[name] = value.replace(/\s+/g, " ");
  }
  if (Object.keys(sysctls).length) kernel.sysctls = sysctls;
  return kernel;
}

/** `KEY=value` lines of os-release(5), quotes removed. */
export function parseOsRelease(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = line.match(/^\s*([A-Z_][A-Z0-9_]*)=(.*)$/);
    if (!m) continue;
    let value = m[2].trim();
    if (/^".*"$/.test(value)) value = value.slice(1, -1).replace(/\\(["\\$`])/g, "$1");
    else if (/^'.*'$/.test(value)) value = value.slice(1, -1);
    values[m[1]] = value;
  }
  return values;
}

export async function readOsFacts(hostFs: HostFs, errors: string[]): Promise<NodeInfoSpec["os"] | undefined> {
  for (const file of ["/etc/os-release", "/usr/lib/os-release"]) {
    try {
      const values = parseOsRelease(await hostFs.readText(file));
      const os: NonNullable<NodeInfoSpec["os"]> = {};
      if (values.ID) os.id = values.ID;
      if (values.VERSION_ID) os.versionId = values.VERSION_ID;
      if (values.PRETTY_NAME) os.image = values.PRETTY_NAME;
      return os;
    } catch (error) {
      if (!isNotFound(error)) errors.push(describeFsError(file, error));
    }
  }
  errors.push("/etc/os-release: does not exist, the operating system is unknown");
  return undefined;
}

/** AppArmor and SELinux state as the node's kernel reports them through sysfs. */
export async function readSecurityModules(hostFs: HostFs, errors: string[]): Promise<NonNullable<NodeInfoSpec["securityModules"]>> {
  const value = async (file: string) => {
    try {
      return await hostFs.readKernelValue(file);
    } catch (error) {
      errors.push(describeFsError(file, error));
      return undefined;
    }
  };
  const apparmor = await value("/sys/module/apparmor/parameters/enabled");
  const appArmor = apparmor === undefined ? "not found" : /^y/i.test(apparmor) ? "enabled" : "disabled";
  const enforce = await value("/sys/fs/selinux/enforce");
  const seLinux = enforce === "1" ? "enforcing" : enforce === "0" ? "permissive" : "not found";
  return { appArmor, seLinux };
}

/** The node's own hostname (/etc/hostname): /proc/sys/kernel/hostname would show the pod's. */
export async function readHostName(hostFs: HostFs): Promise<string | undefined> {
  try {
    const name = (await hostFs.readText("/etc/hostname")).split("\n")[0].trim();
    return name || undefined;
  } catch {
    return undefined;
  }
}
