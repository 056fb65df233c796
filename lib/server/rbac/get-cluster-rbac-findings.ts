import type { Severity, SubjectRef } from "@/lib/engine/types";
import { subjectKey } from "@/lib/rbac";
import type { ClusterRbacAnalysis, RiskyGrantRow } from "./cluster-rbac-analysis";
import { analyseLoaded, cachedAnalysis, hasCachedAnalysis } from "./get-cluster-rbac";
import { loadClusterObjects, type StatePoint } from "./load-cluster-objects";
import { LruCache } from "./lru-cache";
import { RBAC_VIEW_KINDS } from "./rbac-object-kinds";

/** What fleet views and drift need from one cluster state: small next to its model. */
export type ClusterRbacFindings = {
  riskyGrants: RiskyGrantRow[];
  attackPaths: Record<Severity, number>;
  /** Subjects named in bindings, with how many bindings name them. */
  subjects: { subject: SubjectRef; key: string; bindings: number }[];
};

export type ClusterRbacFindingsResult = {
  cluster: { id: string; name: string };
  snapshot: StatePoint | null;
  digest: string;
  missingBodies: number;
  findings: ClusterRbacFindings;
};

// Findings of many more states than full models fit in memory: a fleet of hundreds of clusters,
// each at "now" and "a week ago", is answered without rebuilding models.
const CACHE_CAPACITY = 1_000;
const cache = new LruCache<string, ClusterRbacFindings>(CACHE_CAPACITY);

function summarize(analysis: ClusterRbacAnalysis): ClusterRbacFindings {
  const attackPaths: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const path of analysis.attackPaths()) attackPaths[path.severity]++;
  return {
    riskyGrants: analysis.riskyGrants(),
    attackPaths,
    subjects: analysis.model.subjects().map(({ subject, bindings }) => ({ subject, key: subjectKey(subject), bindings: bindings.length })),
  };
}

/**
 * Risky grants, attack-path counts and subjects of a cluster's stored state (latest, or as of
 * `at`), cached by content digest; the model is only built when the state is new.
 */
export async function getClusterRbacFindings({ orgId, clusterId, at }: { orgId: string; clusterId: string; at?: Date }): Promise<ClusterRbacFindingsResult> {
  const key = (digest: string) => `${orgId}:${digest}`;
  let loaded = await loadClusterObjects({ orgId, clusterId, kinds: RBAC_VIEW_KINDS, at, alreadyHeld: (d) => cache.has(key(d)) || hasCachedAnalysis(orgId, d) });
  let findings = loaded.objects ? undefined : cache.get(key(loaded.digest));
  if (!findings) {
    let analysis = loaded.objects ? undefined : cachedAnalysis(orgId, loaded.digest);
    if (!analysis) {
      // Evicted between the check and now, or never held: build from the bodies.
      if (!loaded.objects) loaded = await loadClusterObjects({ orgId, clusterId, kinds: RBAC_VIEW_KINDS, at });
      analysis = analyseLoaded(orgId, loaded).analysis;
    }
    findings = summarize(analysis);
    if (!loaded.missingBodies.length) cache.set(key(loaded.digest), findings);
  }
  return { cluster: loaded.cluster, snapshot: loaded.snapshot, digest: loaded.digest, missingBodies: loaded.missingBodies.length, findings };
}
