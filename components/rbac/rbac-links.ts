// URLs of the RBAC pages, in one place so every view links to the others the same way.
export function rbacLinks(slug: string, clusterId: string) {
  const root = `/o/${slug}/rbac/${clusterId}`;
  return {
    root,
    attackPaths: `${root}/attack-paths`,
    whoCan: `${root}/who-can`,
    drift: `${root}/drift`,
    subject: (key: string) => `${root}/subject?key=${encodeURIComponent(key)}`,
    /** `from`: the risky rule (or attack path) the user came from, highlighted in the graph. */
    graph: (focus?: string, from?: string) => {
      const params = new URLSearchParams();
      if (focus) params.set("focus", focus);
      if (from) params.set("from", from);
      const q = params.toString();
      return `${root}/graph${q ? `?${q}` : ""}`;
    },
  };
}
