import { defineControl } from "../../engine/define-control";
import type { EvalContext } from "../../engine/types";
import { SANDBOX_KINDS, sandboxPodSpecOf } from "./agent-sandbox";
import { checkContainerResources, type ResourceRequirement } from "./container-resources";

/**
 * Ceiling for sandbox limits: `sandboxCpuLimitMax` / `sandboxMemoryLimitMax` when the settings carry
 * them (read defensively: not ScanSettings keys yet), else the general cpuLimitMax / memoryLimitMax.
 */
function ceiling(ctx: EvalContext, sandboxKey: string, generalKey: string): string | undefined {
  const settings = ctx.settings as unknown as Record<string, unknown>;
  for (const key of [sandboxKey, generalKey]) {
    const raw = settings[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return undefined;
}

export default defineControl({
  id: "SS-0303",
  name: "Agent sandbox without resource ceilings",
  description:
    "Fails when a container of an agent-sandbox Sandbox or SandboxTemplate (agents.x-k8s.io) lacks a CPU or memory limit, or its limit exceeds the sandbox ceiling (sandboxCpuLimitMax / sandboxMemoryLimitMax, else cpuLimitMax / memoryLimitMax).",
  rationale:
    "Sandboxes run code an AI agent generated or downloaded; without tight limits one runaway or malicious task can exhaust its node, and many sandboxes at once can starve the cluster.",
  severity: "high",
  category: "workload",
  kinds: [...SANDBOX_KINDS],
  evaluate(obj, ctx) {
    const at = sandboxPodSpecOf(obj);
    if (!at) return null;
    const requirements: ResourceRequirement[] = [
      { field: "limits", resource: "cpu", max: ceiling(ctx, "sandboxCpuLimitMax", "cpuLimitMax") },
      { field: "limits", resource: "memory", max: ceiling(ctx, "sandboxMemoryLimitMax", "memoryLimitMax") },
    ];
    return checkContainerResources(at, ctx, requirements, (r) => (r.resource === "cpu" ? "sandboxCpuLimitMax" : "sandboxMemoryLimitMax"));
  },
  remediation:
    "Give every sandbox container resources.limits.cpu and resources.limits.memory within the platform's sandbox ceilings, sized for one task rather than the node.",
  refs: { kubescape: ["C-0303"] },
});
