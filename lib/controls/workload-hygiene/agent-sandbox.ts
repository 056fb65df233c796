// Kubernetes SIG Apps "agent-sandbox" resources (agents.x-k8s.io): isolated pods for AI agents'
// code execution. Sandbox and SandboxTemplate carry a pod template under spec.podTemplate.
import type { K8sObject } from "../../engine/types";
import { newPodSpecLocation, type PodSpecLocation } from "./container-resources";
import { namespaceOf } from "./scan-lookups";

export const SANDBOX_KINDS = ["Sandbox", "SandboxTemplate", "SandboxWarmPool"];

function isAgentSandboxGroup(apiVersion: string | undefined): boolean {
  const group = apiVersion?.includes("/") ? apiVersion.split("/")[0] : "";
  return group === "agents.x-k8s.io" || group.endsWith(".agents.x-k8s.io");
}

const locations = new WeakMap<K8sObject, PodSpecLocation | null>();

/** The pod spec a sandbox resource will run, or undefined for other objects; one location per object (it carries what is derived from the spec). */
export function sandboxPodSpecOf(obj: K8sObject): PodSpecLocation | undefined {
  if (!SANDBOX_KINDS.includes(obj.kind) || !isAgentSandboxGroup(obj.apiVersion)) return undefined;
  let at = locations.get(obj);
  if (at === undefined) {
    const spec = obj.spec?.podTemplate?.spec;
    at = spec && typeof spec === "object" ? newPodSpecLocation(spec, "spec.podTemplate.spec", namespaceOf(obj)) : null;
    locations.set(obj, at);
  }
  return at ?? undefined;
}
