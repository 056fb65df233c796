// Linux capabilities as written in container securityContexts. Container runtimes accept names with
// or without the `CAP_` prefix and in any case (containerd and CRI-O upper-case and prefix them), so
// the Kubescape-style checks compare normalized names; the Pod Security Standards checks compare the
// exact strings, as Pod Security Admission does.
import type { ContainerView } from "./security-context";

/** `cap_sys_admin`, `CAP_SYS_ADMIN` and `SYS_ADMIN` all become `SYS_ADMIN`; non-strings become undefined. */
export function normalizeCapability(name: unknown): string | undefined {
  if (typeof name !== "string") return undefined;
  const upper = name.trim().toUpperCase();
  return upper.startsWith("CAP_") ? upper.slice(4) : upper;
}

export interface CapabilityEntry {
  /** As written in the manifest. */
  raw: unknown;
  /** Normalized name, undefined for a non-string entry. */
  name: string | undefined;
  index: number;
  path: string;
}

interface CapabilityLists {
  added: CapabilityEntry[];
  dropped: CapabilityEntry[];
}

const NO_ENTRIES: CapabilityEntry[] = Object.freeze([]) as unknown as CapabilityEntry[];
const NO_CAPABILITIES: CapabilityLists = Object.freeze({ added: NO_ENTRIES, dropped: NO_ENTRIES });

function entries(c: ContainerView, caps: Record<string, unknown>, list: "add" | "drop"): CapabilityEntry[] {
  const values = caps[list];
  if (!Array.isArray(values) || values.length === 0) return NO_ENTRIES;
  return values.map((raw, index) => ({
    raw,
    name: normalizeCapability(raw),
    index,
    path: `${c.securityContextPath}.capabilities.${list}[${index}]`,
  }));
}

// Half the workload controls look at capabilities: each container's lists are parsed once.
function capabilitiesOf(c: ContainerView): CapabilityLists {
  let lists = c.capabilities as CapabilityLists | undefined;
  if (!lists) {
    const caps = c.security.capabilities as Record<string, unknown> | undefined;
    c.capabilities = lists =
      caps && typeof caps === "object" ? { added: entries(c, caps, "add"), dropped: entries(c, caps, "drop") } : NO_CAPABILITIES;
  }
  return lists;
}

/** Capabilities the container adds. Shared: do not mutate. */
export function addedCapabilities(c: ContainerView): readonly CapabilityEntry[] {
  return capabilitiesOf(c).added;
}

/** Capabilities the container drops. Shared: do not mutate. */
export function droppedCapabilities(c: ContainerView): readonly CapabilityEntry[] {
  return capabilitiesOf(c).dropped;
}

/** True when the container's drop list removes `name` (or ALL). Names are normalized. */
export function dropsCapability(c: ContainerView, name: string): boolean {
  const dropped = capabilitiesOf(c).dropped;
  for (let i = 0; i < dropped.length; i++) if (dropped[i].name === name || dropped[i].name === "ALL") return true;
  return false;
}

/**
 * Capabilities the Baseline profile lets a container add: the default set container runtimes grant
 * anyway (Pod Security Standards v1.33, "Capabilities").
 */
export const PSS_BASELINE_ADDABLE_CAPABILITIES: readonly string[] = [
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
];

/** The only capability the Restricted profile lets a container add back after dropping ALL. */
export const PSS_RESTRICTED_ADDABLE_CAPABILITIES: readonly string[] = ["NET_BIND_SERVICE"];
