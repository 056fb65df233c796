// Every React Query key comes from here, so invalidation after a mutation can name exactly the
// data it changed (e.g. keys.org(slug).clusters() refreshes the list and the overview prefix).

export const keys = {
  organizations: () => ["organizations"] as const,
  org: (slug: string) => {
    const root = ["org", slug] as const;
    return {
      all: () => root,
      overview: () => [...root, "overview"] as const,
      // Dashboard views take their filters as the last key part, so each filtered view caches on its own.
      dashboard: (view: string, params: Record<string, unknown> = {}) => [...root, "dashboard", view, params] as const,
      controls: (params: Record<string, unknown> = {}) => [...root, "controls", "catalog", params] as const,
      control: (controlId: string, view: string, params: Record<string, unknown> = {}) => [...root, "controls", controlId, view, params] as const,
      clusterView: (clusterId: string, view: string, params: Record<string, unknown> = {}) => [...root, "clusters", clusterId, view, params] as const,
      exceptions: () => [...root, "exceptions"] as const,
      reports: (params: Record<string, unknown> = {}) => [...root, "reports", params] as const,
      clusters: () => [...root, "clusters"] as const,
      cluster: (clusterId: string) => [...root, "clusters", clusterId] as const,
      tokens: () => [...root, "tokens"] as const,
      members: () => [...root, "members"] as const,
      invitations: () => [...root, "invitations"] as const,
      auditEvents: () => [...root, "audit-events"] as const,
      // RBAC views are read-only and derived from the clusters' latest snapshots.
      rbac: () => [...root, "rbac"] as const,
      rbacFleet: (view: string, params: Record<string, unknown> = {}) => [...root, "rbac", "fleet", view, params] as const,
      rbacCluster: (clusterId: string, view: string, params: Record<string, unknown> = {}) => [...root, "rbac", "clusters", clusterId, view, params] as const,
    };
  },
};
