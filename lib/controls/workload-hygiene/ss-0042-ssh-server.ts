import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { K8sObject, Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { servicesSelecting } from "./scan-lookups";
import { containersOfObject } from "./container-resources";

const SSH_PORTS = new Set([22, 2222]);

function isSshPort(port: unknown): boolean {
  if (typeof port === "number") return SSH_PORTS.has(port);
  if (typeof port === "string") return port.toLowerCase() === "ssh" || SSH_PORTS.has(Number(port));
  return false;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sshServicePorts(service: K8sObject): any[] {
  return (Array.isArray(service.spec?.ports) ? service.spec.ports : []).filter(
    (p: { port?: unknown; targetPort?: unknown; name?: unknown }) => isSshPort(p?.port) || isSshPort(p?.targetPort) || p?.name === "ssh",
  );
}

export default defineControl({
  id: "SS-0042",
  name: "SSH server in a container",
  description:
    "Fails when a container declares an SSH port (22, 2222 or a port named ssh), or a Service selecting the workload's pods publishes or targets one.",
  rationale:
    "An SSH daemon in a container is a second, unmanaged way in: it carries its own keys or passwords outside Kubernetes RBAC and audit logging, and is a favourite persistence and lateral-movement channel.",
  severity: "low",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const violations: Violation[] = [];
    for (const { container, path } of containersOfObject(obj, ["containers", "initContainers"])) {
      (Array.isArray(container.ports) ? container.ports : []).forEach((p: { containerPort?: unknown; name?: unknown }, k: number) => {
        if (isSshPort(p?.containerPort) || p?.name === "ssh") {
          violations.push({ message: `container "${container.name ?? "(unnamed)"}" exposes SSH port ${String(p.containerPort)}`, paths: [`${path}.ports[${k}]`] });
        }
      });
    }
    for (const service of servicesSelecting(obj, ctx)) {
      const ports = sshServicePorts(service);
      if (!ports.length) continue;
      violations.push({
        message: `Service ${service.metadata?.name ?? ""} routes SSH port ${ports.map((p) => String(p.targetPort ?? p.port)).join(", ")} to the pods`,
        related: [refOf(service)],
      });
    }
    return violations;
  },
  remediation:
    "Remove the SSH server from the image and the SSH ports from the pod and its Services; use kubectl exec (governed by RBAC and audit logs) or ephemeral debug containers for interactive access.",
  refs: { kubescape: ["C-0042"], mitre: ["T1021.004"] },
});
