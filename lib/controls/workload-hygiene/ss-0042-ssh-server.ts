import { defineControl } from "../../engine/define-control";
import { matchesMapSelector } from "../../engine/label-selector";
import { refOf } from "../../engine/object-index";
import type { EvalContext, K8sObject, Violation } from "../../engine/types";
import { WORKLOAD_KINDS, type ContainerGroup } from "../../engine/workload";
import { namespaceOf, podLabelsOfCached, servicesSelecting } from "./scan-lookups";
import { containersOfObject, NO_VIOLATIONS } from "./container-resources";

// 22 is SSH's port; 2222 is the usual unprivileged alternative (rootless sshd images, Kubescape's list).
const SSH_PORTS = new Set([22, 2222]);

function isSshName(name: unknown): boolean {
  // The length test first: nearly every port has a name, nearly none of three or four letters.
  return typeof name === "string" && (name.length === 3 || name.length === 4) && /^(?:ssh|sshd|sftp)$/i.test(name);
}

function isSshNumber(port: unknown): boolean {
  return (typeof port === "number" || (typeof port === "string" && /^\d+$/.test(port))) && SSH_PORTS.has(Number(port));
}

interface ServicePort {
  port?: unknown;
  targetPort?: unknown;
  name?: unknown;
}

/** Service ports that carry SSH: named so, or on an SSH port number unless a named target port says what it really is. */
function sshServicePorts(service: K8sObject): ServicePort[] {
  return (Array.isArray(service.spec?.ports) ? service.spec.ports : []).filter((p: ServicePort) => {
    if (isSshName(p?.name) || isSshName(p?.targetPort)) return true;
    if (typeof p?.targetPort === "string" && !/^\d+$/.test(p.targetPort)) return false;
    return isSshNumber(p?.port) || isSshNumber(p?.targetPort);
  });
}

interface SshServices {
  built: boolean;
  byNamespace: Map<string, SshServicesInNamespace>;
}

interface SshServicesInNamespace {
  /** Services by the first key and value of their selector: a workload one selects carries that label. */
  byFirstLabel: Map<string, Map<string, K8sObject[]>>;
  /** The keys of byFirstLabel and their maps, side by side (walked per workload without an iterator). */
  keys: string[];
  byValue: Map<string, K8sObject[]>[];
  /** Services whose selector has no such string pair: tried against every workload of the namespace. */
  others: K8sObject[];
}

const newSshServices = (): SshServices => ({ built: false, byNamespace: new Map() });

/** Services that publish SSH, by namespace, once per scan (built in two steps: a call allocates no closure over ctx). */
function sshServicesByNamespace(ctx: EvalContext): ReadonlyMap<string, SshServicesInNamespace> {
  const services = ctx.cache("workload-hygiene:ssh-services-by-namespace", newSshServices);
  if (!services.built) {
    services.built = true;
    for (const service of ctx.index.byKind("Service")) {
      if (!sshServicePorts(service).length) continue;
      const ns = String(namespaceOf(service));
      let inNamespace = services.byNamespace.get(ns);
      if (!inNamespace) services.byNamespace.set(ns, (inNamespace = { byFirstLabel: new Map(), keys: [], byValue: [], others: [] }));
      addSshService(inNamespace, service);
    }
  }
  return services.byNamespace;
}

function addSshService(inNamespace: SshServicesInNamespace, service: K8sObject): void {
  const selector = service.spec?.selector;
  if (selector && typeof selector === "object") {
    for (const key in selector) {
      if (!Object.prototype.hasOwnProperty.call(selector, key)) continue;
      const value = (selector as Record<string, unknown>)[key];
      if (typeof value !== "string") break;
      let byValue = inNamespace.byFirstLabel.get(key);
      if (!byValue) {
        inNamespace.byFirstLabel.set(key, (byValue = new Map()));
        inNamespace.keys.push(key);
        inNamespace.byValue.push(byValue);
      }
      const list = byValue.get(value);
      if (list) list.push(service);
      else byValue.set(value, [service]);
      return;
    }
    // An empty selector selects nothing (matchesMapSelector agrees): nothing to index.
    if (!hasOwnKey(selector)) return;
  }
  inNamespace.others.push(service);
}

function hasOwnKey(object: object): boolean {
  for (const key in object) if (Object.prototype.hasOwnProperty.call(object, key)) return true;
  return false;
}

/** Whether one of the namespace's SSH Services selects pods with these labels. */
function anySelects(inNamespace: SshServicesInNamespace, labels: Record<string, string>): boolean {
  for (let i = 0; i < inNamespace.keys.length; i++) {
    const value = labels[inNamespace.keys[i]];
    if (typeof value !== "string") continue;
    const services = inNamespace.byValue[i].get(value);
    if (services && selectsAny(services, labels)) return true;
  }
  return selectsAny(inNamespace.others, labels);
}

function selectsAny(services: readonly K8sObject[], labels: Record<string, string>): boolean {
  for (let i = 0; i < services.length; i++) if (matchesMapSelector(services[i].spec?.selector, labels)) return true;
  return false;
}

const REGULAR_AND_INIT: readonly ContainerGroup[] = ["containers", "initContainers"];

export default defineControl({
  id: "SS-0042",
  name: "SSH server in a container",
  description:
    "Fails when a container declares port 22 or a port named ssh/sftp, or a Service selecting the workload's pods publishes or targets SSH (port 22 or 2222, or a port named ssh/sftp; a named target port that is not SSH wins over the number).",
  rationale:
    "An SSH daemon in a container is a second, unmanaged way in: it carries its own keys or passwords outside Kubernetes RBAC and audit logging, and is a favourite persistence and lateral-movement channel.",
  severity: "low",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    let violations: Violation[] | undefined;
    for (const { container, path } of containersOfObject(obj, REGULAR_AND_INIT)) {
      if (!Array.isArray(container.ports)) continue;
      const ports: unknown[] = container.ports;
      for (let k = 0; k < ports.length; k++) {
        const p = ports[k] as { containerPort?: unknown; name?: unknown };
        // A container port is only taken for SSH when it is 22 or named so; 2222 alone is too common for other uses.
        if (Number(p?.containerPort) === 22 || isSshName(p?.name)) {
          (violations ??= []).push({ message: `container "${container.name ?? "(unnamed)"}" exposes SSH port ${String(p.containerPort)}`, paths: [`${path}.ports[${k}]`] });
        }
      }
    }
    // Services that publish SSH are few: the selector join runs only for workloads one of them selects.
    const candidates = sshServicesByNamespace(ctx).get(String(namespaceOf(obj)));
    if (!candidates || !anySelects(candidates, podLabelsOfCached(obj))) return violations ?? NO_VIOLATIONS;
    violations ??= [];
    for (const service of servicesSelecting(obj, ctx)) {
      const ports = sshServicePorts(service);
      if (!ports.length) continue;
      violations.push({
        message: `Service ${service.metadata?.name ?? ""} publishes SSH (${ports.map((p) => `${String(p.port)}→${String(p.targetPort ?? p.port)}`).join(", ")}) to the pods`,
        related: [refOf(service)],
      });
    }
    return violations;
  },
  remediation:
    "Remove the SSH server from the image and the SSH ports from the pod and its Services; use kubectl exec (governed by RBAC and audit logs) or ephemeral debug containers for interactive access.",
  refs: { kubescape: ["C-0042"], mitre: ["T1021.004"] },
});
