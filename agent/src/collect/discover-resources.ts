// Discovery: every served, listable resource type (custom resources included), preferred versions only,
// filtered by include/exclude lists. High-churn kinds (Events, Leases, …) are skipped by default.
import type { TCollectionError } from "../../../lib/snapshot/protocol";
import { KubeApiError, KubeTimeoutError, type KubeClient } from "./kube-client";

export interface ResourceType {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
}

/** Skipped unless explicitly included: they change constantly and carry no posture information. */
export const DEFAULT_EXCLUDED = [
  "events",
  "events.events.k8s.io",
  "leases.coordination.k8s.io",
  "endpoints",
  "endpointslices.discovery.k8s.io",
  "componentstatuses",
  "bindings",
  "tokenreviews.authentication.k8s.io",
  "selfsubjectreviews.authentication.k8s.io",
  "subjectaccessreviews.authorization.k8s.io",
  "selfsubjectaccessreviews.authorization.k8s.io",
  "selfsubjectrulesreviews.authorization.k8s.io",
  "localsubjectaccessreviews.authorization.k8s.io",
  "nodes.metrics.k8s.io",
  "pods.metrics.k8s.io",
  "controllerrevisions.apps",
  "replicasets.apps",
];

/** `resource` for the core group, `resource.group` otherwise (kubectl's naming). */
export function qualifiedName(t: Pick<ResourceType, "group" | "resource">): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

function matchesAny(t: ResourceType, patterns: string[]): boolean {
  const names = [qualifiedName(t), t.resource, t.kind, t.group ? `${t.group}/*` : "/*"];
  return patterns.some((p) => names.includes(p) || (p.endsWith("/*") && names.includes(p)));
}

interface APIResource {
  name: string;
  kind: string;
  namespaced: boolean;
  verbs?: string[];
}

export interface DiscoveryResult {
  types: ResourceType[];
  errors: TCollectionError[];
}

function toError(group: string, version: string, resource: string, error: unknown): TCollectionError {
  if (error instanceof KubeApiError) {
    const reason = error.status === 403 ? "forbidden" : error.status === 404 ? "not_found" : "error";
    return { group, version, resource, reason, httpStatus: error.status, message: error.message.slice(0, 2000) };
  }
  if (error instanceof KubeTimeoutError) return { group, version, resource, reason: "timeout", message: error.message };
  return { group, version, resource, reason: "error", message: String((error as Error)?.message ?? error).slice(0, 2000) };
}

export async function discoverResources(
  client: KubeClient,
  options: { include?: string[]; exclude?: string[] } = {},
): Promise<DiscoveryResult> {
  const errors: TCollectionError[] = [];
  const groupVersions: { group: string; version: string; path: string }[] = [{ group: "", version: "v1", path: "/api/v1" }];
  try {
    const groups = await client.get<{ groups: { name: string; preferredVersion?: { version: string }; versions: { version: string }[] }[] }>("/apis");
    for (const g of groups.groups ?? []) {
      const version = g.preferredVersion?.version ?? g.versions?.[0]?.version;
      if (version) groupVersions.push({ group: g.name, version, path: `/apis/${g.name}/${version}` });
    }
  } catch (error) {
    errors.push(toError("*", "", "apigroups", error));
  }
  const types: ResourceType[] = [];
  const exclude = options.exclude ?? DEFAULT_EXCLUDED;
  const include = options.include ?? [];
  await Promise.all(
    groupVersions.map(async ({ group, version, path }) => {
      try {
        const list = await client.get<{ resources: APIResource[] }>(path);
        for (const r of list.resources ?? []) {
          if (r.name.includes("/")) continue; // subresources
          if (!(r.verbs ?? []).includes("list")) continue;
          const t: ResourceType = { group, version, resource: r.name, kind: r.kind, namespaced: r.namespaced };
          if (include.length && !matchesAny(t, include)) continue;
          if (matchesAny(t, exclude) && !matchesAny(t, include)) continue;
          types.push(t);
        }
      } catch (error) {
        errors.push(toError(group, version, "*", error));
      }
    }),
  );
  types.sort((a, b) => qualifiedName(a).localeCompare(qualifiedName(b)));
  return { types, errors };
}
