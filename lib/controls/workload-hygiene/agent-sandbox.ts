// Kubernetes SIG Apps "agent-sandbox" resources (agents.x-k8s.io): isolated pods for AI agents'
// code execution. Sandbox and SandboxTemplate carry a pod template under spec.podTemplate.
import type { K8sObject } from "../../engine/types";
import type { PodSpecLocation } from "./container-resources";
import { namespaceOf } from "./scan-lookups";

export const SANDBOX_KINDS = ["Sandbox", "SandboxTemplate", "SandboxWarmPool"];

function isAgentSandboxGroup(apiVersion: string | undefined): boolean {
  const group = apiVersion?.includes("/") ? apiVersion.split("/")[0] : "";
  return group === "agents.x-k8s.io" || group.endsWith(".agents.x-k8s.io");
}

/** The pod spec a sandbox resource will run, or undefined for other objects. */
export function sandboxPodSpecOf(obj: K8sObject): PodSpecLocation | undefined {
  if (!SANDBOX_KINDS.includes(obj.kind) || !isAgentSandboxGroup(obj.apiVersion)) return undefined;
  const spec = obj.spec?.podTemplate?.spec;
  if (!spec || typeof spec !== "object") return undefined;
  return { spec, path: "spec.podTemplate.spec", namespace: namespaceOf(obj) };
}
