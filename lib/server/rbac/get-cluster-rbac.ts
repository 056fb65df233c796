import { ClusterRbacAnalysis } from "./cluster-rbac-analysis";
import { loadClusterObjects, type StatePoint } from "./load-cluster-objects";
import { LruCache } from "./lru-cache";
import { RBAC_VIEW_KINDS } from "./rbac-object-kinds";

export type ClusterRbac = {
  cluster: { id: string; name: string };
  /** The evaluated snapshot the state comes from; null = no RBAC data for this cluster (yet). */
  snapshot: StatePoint | null;
  digest: string;
  objectCount: number;
  /** Objects whose bodies were pruned from the store: the analysis is partial without them. */
  missingBodies: string[];
  analysis: ClusterRbacAnalysis;
};

// Keyed by organization and content digest: any request (or cluster, or point in time) that sees
// the same objects reuses the same model. A few dozen models of large clusters fit in memory.
const CACHE_CAPACITY = 24;
const analyses = new LruCache<string, ClusterRbacAnalysis>(CACHE_CAPACITY);

/**
 * The RBAC analysis of a cluster's stored state (latest, or as of `at`), built per request from the
 * stored objects and cached by content. Throws not_found for a cluster outside the organization.
 */
export async function getClusterRbac({ orgId, clusterId, at }: { orgId: string; clusterId: string; at?: Date }): Promise<ClusterRbac> {
  const cacheKey = (digest: string) => `${orgId}:${digest}`;
  let loaded = await loadClusterObjects({ orgId, clusterId, kinds: RBAC_VIEW_KINDS, at, alreadyHeld: (d) => analyses.has(cacheKey(d)) });
  let analysis = loaded.objects ? undefined : analyses.get(cacheKey(loaded.digest));
  // Evicted between the check and now: load the bodies after all.
  if (!loaded.objects && !analysis) loaded = await loadClusterObjects({ orgId, clusterId, kinds: RBAC_VIEW_KINDS, at });
  if (!analysis) {
    analysis = new ClusterRbacAnalysis(loaded.objects ?? []);
    // A partial state is not cached: the missing bodies may be uploaded again by the next push.
    if (!loaded.missingBodies.length) analyses.set(cacheKey(loaded.digest), analysis);
  }
  return {
    cluster: loaded.cluster,
    snapshot: loaded.snapshot,
    digest: loaded.digest,
    objectCount: loaded.objectCount,
    missingBodies: loaded.missingBodies,
    analysis,
  };
}
