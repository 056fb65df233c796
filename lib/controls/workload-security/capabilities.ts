// Linux capabilities as written in container securityContexts. Container runtimes accept names with
// or without the `CAP_` prefix and in any case (containerd and CRI-O upper-case and prefix them), so
// the Kubescape-style checks compare normalized names; the Pod Security Standards checks compare the
// exact strings, as Pod Security Admission does.
import type { ContainerAt } from "../../engine/workload";
import { containerSecurityContext, listOf } from "./security-context";

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

function entries(c: ContainerAt, list: "add" | "drop"): CapabilityEntry[] {
  const caps = containerSecurityContext(c).capabilities;
  const values = caps && typeof caps === "object" ? listOf((caps as Record<string, unknown>)[list]) : [];
  return values.map((raw, index) => ({
    raw,
    name: normalizeCapability(raw),
    index,
    path: `${c.path}.securityContext.capabilities.${list}[${index}]`,
  }));
}

export function addedCapabilities(c: ContainerAt): CapabilityEntry[] {
  return entries(c, "add");
}

export function droppedCapabilities(c: ContainerAt): CapabilityEntry[] {
  return entries(c, "drop");
}

/** True when the container's drop list removes `name` (or ALL). Names are normalized. */
export function dropsCapability(c: ContainerAt, name: string): boolean {
  return droppedCapabilities(c).some((e) => e.name === name || e.name === "ALL");
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
