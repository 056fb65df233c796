import { ClusterRbacAnalysis } from "./cluster-rbac-analysis";
import { loadClusterObjects, type LoadedClusterObjects, type StatePoint } from "./load-cluster-objects";
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
// the same objects reuses the same model. Models of large clusters are big: keep a few dozen.
const CACHE_CAPACITY = 24;
const analyses = new LruCache<string, ClusterRbacAnalysis>(CACHE_CAPACITY);
// Concurrent requests for the same state (a page firing several queries) build it once.
const inFlight = new Map<string, Promise<ClusterRbac>>();

const cacheKey = (orgId: string, digest: string) => `${orgId}:${digest}`;

/** The cached analysis of a state, if any (by content digest). */
export function cachedAnalysis(orgId: string, digest: string): ClusterRbacAnalysis | undefined {
  return analyses.get(cacheKey(orgId, digest));
}

export function hasCachedAnalysis(orgId: string, digest: string): boolean {
  return analyses.has(cacheKey(orgId, digest));
}

/** Builds (and caches, unless partial) the analysis of objects loaded with their bodies. */
export function analyseLoaded(orgId: string, loaded: LoadedClusterObjects): ClusterRbac {
  const analysis = new ClusterRbacAnalysis(loaded.objects ?? []);
  // A partial state is not cached: the missing bodies may be uploaded again by the next push.
  if (!loaded.missingBodies.length) analyses.set(cacheKey(orgId, loaded.digest), analysis);
  return { ...stateOf(loaded), analysis };
}

function stateOf(loaded: LoadedClusterObjects): Omit<ClusterRbac, "analysis"> {
  return { cluster: loaded.cluster, snapshot: loaded.snapshot, digest: loaded.digest, objectCount: loaded.objectCount, missingBodies: loaded.missingBodies };
}

async function build(orgId: string, clusterId: string, at: Date | undefined): Promise<ClusterRbac> {
  const loaded = await loadClusterObjects({ orgId, clusterId, kinds: RBAC_VIEW_KINDS, at, alreadyHeld: (d) => analyses.has(cacheKey(orgId, d)) });
  if (!loaded.objects) {
    const analysis = analyses.get(cacheKey(orgId, loaded.digest));
    if (analysis) return { ...stateOf(loaded), analysis };
    // Evicted between the check and now: load the bodies after all.
    return analyseLoaded(orgId, await loadClusterObjects({ orgId, clusterId, kinds: RBAC_VIEW_KINDS, at }));
  }
  return analyseLoaded(orgId, loaded);
}

/**
 * The RBAC analysis of a cluster's stored state (latest, or as of `at`), built per request from the
 * stored objects and cached by content. Throws not_found for a cluster outside the organization.
 */
export async function getClusterRbac({ orgId, clusterId, at }: { orgId: string; clusterId: string; at?: Date }): Promise<ClusterRbac> {
  const key = `${orgId}:${clusterId}:${at ? at.getTime() : "latest"}`;
  const running = inFlight.get(key);
  if (running) return running;
  const promise = build(orgId, clusterId, at).finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}
