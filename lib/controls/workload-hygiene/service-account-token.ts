// Whether a workload's pods get a Kubernetes API token, and whether that token is worth anything
// (the service account is bound to roles).
import type { EvalContext, K8sObject } from "../../engine/types";
import { podSpecLocationOf } from "./container-resources";

export interface TokenMount {
  mounted: boolean;
  /** What decides it: the pod spec field, the ServiceAccount's field, the API default, or a projected token volume. */
  decidedBy: "pod" | "service-account" | "default" | "projected-volume";
  /** Path of the deciding field on the workload, when the workload sets it. */
  path?: string;
  serviceAccount: string;
  namespace: string;
}

function isApiServerAudience(audience: unknown): boolean {
  if (audience === undefined || audience === null || audience === "") return true;
  return typeof audience === "string" && /^https:\/\/kubernetes\.default\.svc/.test(audience);
}

/** The service account a pod spec runs as, honouring the deprecated `serviceAccount` alias; "default" when unset. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function serviceAccountOfSpec(spec: any): string {
  const name = spec?.serviceAccountName || spec?.serviceAccount;
  return typeof name === "string" && name ? name : "default";
}

/**
 * Index of the first mounted projected volume carrying a token for the API server. A token
 * requested for another audience (Vault, a cloud identity provider) is not accepted by the API.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function mountedProjectedTokenVolume(spec: any): number {
  const volumes: unknown[] = Array.isArray(spec?.volumes) ? spec.volumes : [];
  const mountedNames = new Set<string>();
  for (const group of ["containers", "initContainers", "ephemeralContainers"]) {
    for (const c of Array.isArray(spec?.[group]) ? spec[group] : []) {
      for (const m of Array.isArray(c?.volumeMounts) ? c.volumeMounts : []) if (typeof m?.name === "string") mountedNames.add(m.name);
    }
  }
  return volumes.findIndex((v) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const vol = v as any;
    return mountedNames.has(vol?.name) && Array.isArray(vol?.projected?.sources) &&
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      vol.projected.sources.some((s: any) => s?.serviceAccountToken && isApiServerAudience(s.serviceAccountToken.audience));
  });
}

/** Per scan: the token mount of each object, and each ServiceAccount's automount field by namespace and name. */
interface TokenMounts {
  byObject: Map<K8sObject, TokenMount | null>;
  accountFlags: Map<string, Map<string, unknown>>;
}

const newTokenMounts = (): TokenMounts => ({ byObject: new Map(), accountFlags: new Map() });

/**
 * Whether the pods get an API token: the pod's `automountServiceAccountToken` wins, then the
 * ServiceAccount's (when it is in the scan), else the API default (mounted). A hand-written
 * projected `serviceAccountToken` volume mounts a token whatever the flags say. Undefined for
 * objects without pods and for static pods. Memoized per object and scan (read-only).
 */
export function tokenMountOf(obj: K8sObject, ctx: EvalContext): TokenMount | undefined {
  const mounts = ctx.cache("workload-hygiene:token-mounts", newTokenMounts);
  let mount = mounts.byObject.get(obj);
  if (mount === undefined) mounts.byObject.set(obj, (mount = decideTokenMount(obj, ctx, mounts) ?? null));
  return mount ?? undefined;
}

/** The ServiceAccount's `automountServiceAccountToken` (undefined when it is not in the scan). */
function accountFlag(ctx: EvalContext, mounts: TokenMounts, namespace: string, name: string): unknown {
  let byName = mounts.accountFlags.get(namespace);
  if (!byName) mounts.accountFlags.set(namespace, (byName = new Map()));
  let flag = byName.get(name);
  if (flag === undefined && !byName.has(name)) byName.set(name, (flag = ctx.index.get("ServiceAccount", namespace, name)?.automountServiceAccountToken));
  return flag;
}

function decideTokenMount(obj: K8sObject, ctx: EvalContext, mounts: TokenMounts): TokenMount | undefined {
  const at = podSpecLocationOf(obj);
  if (!at) return undefined;
  // Static pods (their API mirrors) cannot use service accounts at all.
  if (obj.kind === "Pod" && obj.metadata?.annotations?.["kubernetes.io/config.mirror"] !== undefined) return undefined;
  const namespace = at.namespace;
  const serviceAccount = serviceAccountOfSpec(at.spec);
  const podFlag = at.spec.automountServiceAccountToken;
  if (podFlag === true) return { serviceAccount, namespace, mounted: true, decidedBy: "pod", path: `${at.path}.automountServiceAccountToken` };
  if (podFlag !== false) {
    const saFlag = accountFlag(ctx, mounts, namespace, serviceAccount);
    if (saFlag === true) return { serviceAccount, namespace, mounted: true, decidedBy: "service-account" };
    if (saFlag !== false) return { serviceAccount, namespace, mounted: true, decidedBy: "default" };
  }
  const projected = mountedProjectedTokenVolume(at.spec);
  if (projected >= 0) {
    return { serviceAccount, namespace, mounted: true, decidedBy: "projected-volume", path: `${at.path}.volumes[${projected}].projected` };
  }
  return {
    serviceAccount,
    namespace,
    mounted: false,
    decidedBy: podFlag === false ? "pod" : "service-account",
    path: podFlag === false ? `${at.path}.automountServiceAccountToken` : undefined,
  };
}

export interface ServiceAccountBinding {
  binding: K8sObject;
  roleKind: string;
  roleName: string;
}

const SERVICE_ACCOUNTS_GROUP = "system:serviceaccounts";
/** Every authenticated identity, service accounts included. */
const AUTHENTICATED_GROUP = "system:authenticated";

/**
 * RoleBindings and ClusterRoleBindings that grant something to the service account, directly or
 * through the `system:serviceaccounts[:<namespace>]` and `system:authenticated` groups. Bootstrap bindings the API server
 * creates for every service account (`system:` names, e.g. service-account-issuer-discovery) are
 * left out: they are the same in every cluster and give no workload-specific power.
 */
export function bindingsOfServiceAccount(ctx: EvalContext, namespace: string, name: string): ServiceAccountBinding[] {
  const all = ctx.cache("workload-hygiene:service-account-bindings", () => indexServiceAccountBindings(ctx));
  return [
    ...(all.byAccount.get(`${namespace}/${name}`) ?? []),
    ...(all.groups.get(AUTHENTICATED_GROUP) ?? []),
    ...(all.groups.get(SERVICE_ACCOUNTS_GROUP) ?? []),
    ...(all.groups.get(`${SERVICE_ACCOUNTS_GROUP}:${namespace}`) ?? []),
  ];
}

function pushBinding(map: Map<string, ServiceAccountBinding[]>, key: string, entry: ServiceAccountBinding): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(entry);
}

// A module function, not a closure built per call: its optimized code then outlives the scan.
function indexServiceAccountBindings(ctx: EvalContext) {
  const byAccount = new Map<string, ServiceAccountBinding[]>();
  const groups = new Map<string, ServiceAccountBinding[]>();
  for (const kind of ["RoleBinding", "ClusterRoleBinding"]) {
    for (const binding of ctx.index.byKind(kind)) {
      const bindingNs = binding.metadata?.namespace;
      const roleKind = binding.roleRef?.kind ?? "";
      const roleName = binding.roleRef?.name ?? "";
      const entry = { binding, roleKind, roleName };
      for (const subject of Array.isArray(binding.subjects) ? binding.subjects : []) {
        if (subject?.kind === "ServiceAccount" && typeof subject.name === "string") {
          // A RoleBinding's service-account subject without a namespace means the binding's namespace.
          const ns = subject.namespace || (kind === "RoleBinding" ? bindingNs : undefined);
          if (ns) pushBinding(byAccount, `${ns}/${subject.name}`, entry);
        } else if (
          subject?.kind === "Group" &&
          typeof subject.name === "string" &&
          (subject.name === AUTHENTICATED_GROUP || subject.name === SERVICE_ACCOUNTS_GROUP || subject.name.startsWith(`${SERVICE_ACCOUNTS_GROUP}:`))
        ) {
          if ((binding.metadata?.name ?? "").startsWith("system:")) continue;
          pushBinding(groups, subject.name, entry);
        }
      }
    }
  }
  return { byAccount, groups };
}
