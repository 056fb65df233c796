// The collection pipeline, in named phases that record partial failure:
// preflight (which types can I list?) → collect (bounded concurrency) → normalize/redact → hash → manifest.
// A forbidden, failing or timed-out type becomes a collection error in the snapshot, never a crash.
import { randomUUID } from "node:crypto";
import { canonicalJson, sha256Hex } from "../../../lib/snapshot/canonical-json";
import { redactionPolicy } from "../../../lib/snapshot/credential-detection";
import { normalizeObject } from "../../../lib/snapshot/normalize";
import { objectKeyOf, PROTOCOL_VERSION, type TCollectionError, type TResourceType, type TFullManifest } from "../../../lib/snapshot/protocol";
import { AGENT_VERSION } from "../version";
import { readClusterFacts } from "./cluster-identity";
import { discoverResources, type ResourceType } from "./discover-resources";
import { KubeApiError, KubeTimeoutError, type KubeClient } from "./kube-client";
import { listResource, ListTooLargeError, type ListOptions } from "./list-resource";

export interface CollectOptions extends ListOptions {
  include?: string[];
  exclude?: string[];
  concurrency?: number;
  clusterName?: string;
  /** Extra objects to send with the snapshot (NodeInfo from node mode). */
  extraObjects?: Record<string, unknown>[];
  now?: () => Date;
}

export interface CollectedSnapshot {
  manifest: TFullManifest;
  /** Normalized bodies by content hash, as canonical JSON text (compact in memory, ready to send). */
  bodies: Map<string, string>;
  timings: Record<"preflight" | "collect" | "normalize" | "identity", number>;
}

function collectionError(t: ResourceType, error: unknown): TCollectionError {
  const base = { group: t.group, version: t.version, resource: t.resource, kind: t.kind };
  if (error instanceof KubeApiError) {
    const reason = error.status === 403 ? "forbidden" : error.status === 404 ? "not_found" : "error";
    return { ...base, reason, httpStatus: error.status, message: error.message.slice(0, 2000) };
  }
  if (error instanceof KubeTimeoutError) return { ...base, reason: "timeout", message: error.message };
  if (error instanceof ListTooLargeError) return { ...base, reason: "too_large", message: error.message };
  return { ...base, reason: "error", message: String((error as Error)?.message ?? error).slice(0, 2000) };
}

async function mapPool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await fn(items[next++]);
  });
  await Promise.all(workers);
}

export async function collectCluster(client: KubeClient, options: CollectOptions = {}): Promise<CollectedSnapshot> {
  const now = options.now ?? (() => new Date());
  const timings = { preflight: 0, collect: 0, normalize: 0, identity: 0 };
  let t0 = performance.now();
  const discovery = await discoverResources(client, { include: options.include, exclude: options.exclude });
  timings.preflight = performance.now() - t0;

  t0 = performance.now();
  const errors: TCollectionError[] = [...discovery.errors];
  const resourceTypes: TResourceType[] = [];
  const bodies = new Map<string, string>();
  const byKey = new Map<string, string>();
  const nodes: Record<string, unknown>[] = [];
  let normalizeMs = 0;
  // One compiled policy per collection: its memo of judged values is dropped with it.
  const policy = redactionPolicy();
  const addObject = (item: Record<string, unknown>, into: Map<string, string>, texts: Map<string, string>) => {
    const n0 = performance.now();
    const normalized = normalizeObject(item, { policy });
    const key = objectKeyOf(normalized as never);
    // The same object can be served under two groups (e.g. a legacy alias); keep the first.
    if (!byKey.has(key) && !into.has(key)) {
      const text = canonicalJson(normalized);
      const hash = sha256Hex(text);
      texts.set(hash, text);
      into.set(key, hash);
      if (normalized.kind === "Node") nodes.push(normalized);
    }
    normalizeMs += performance.now() - n0;
  };
  await mapPool(discovery.types, options.concurrency ?? 4, async (t) => {
    // A type is committed only when its whole list arrived: a half list would read as deletions.
    const keys = new Map<string, string>();
    const texts = new Map<string, string>();
    try {
      const count = await listResource(client, t, (item) => addObject(item, keys, texts), options);
      for (const [k, h] of keys) byKey.set(k, h);
      for (const [h, text] of texts) bodies.set(h, text);
      resourceTypes.push({ group: t.group, version: t.version, resource: t.resource, kind: t.kind, namespaced: t.namespaced, count });
    } catch (error) {
      errors.push(collectionError(t, error));
    }
  });
  const extras = new Map<string, string>();
  for (const item of options.extraObjects ?? []) addObject(item, extras, bodies);
  for (const [k, h] of extras) byKey.set(k, h);
  timings.collect = performance.now() - t0 - normalizeMs;
  timings.normalize = normalizeMs;

  t0 = performance.now();
  const groups = [...new Set(discovery.types.map((t) => t.group))];
  const facts = await readClusterFacts(client, nodes as never[], groups);
  timings.identity = performance.now() - t0;

  const objects = [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  resourceTypes.sort((a, b) => `${a.group}/${a.resource}`.localeCompare(`${b.group}/${b.resource}`));
  errors.sort((a, b) => `${a.group}/${a.resource}`.localeCompare(`${b.group}/${b.resource}`));
  return {
    manifest: {
      protocolVersion: PROTOCOL_VERSION,
      idempotencyKey: randomUUID(),
      collectedAt: now().toISOString(),
      cluster: {
        uid: facts.uid,
        ...(options.clusterName ? { name: options.clusterName } : {}),
        provider: facts.provider,
        ...(facts.region ? { region: facts.region } : {}),
        kubernetesVersion: facts.kubernetesVersion,
        ...(facts.platform ? { platform: facts.platform } : {}),
        nodeCount: facts.nodeCount,
        agentVersion: AGENT_VERSION,
      },
      objects,
      resourceTypes,
      collectionErrors: errors,
    },
    bodies,
    timings,
  };
}
