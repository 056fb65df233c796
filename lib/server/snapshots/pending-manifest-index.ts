// A pending snapshot's manifest, decoded once per process while its body chunks arrive. Each chunk
// used to read and decode the whole manifest again: a push of n objects in n/k chunks then cost
// O(n²/k) (a 500,000-object cluster: ~200 chunks × a 500,000-entry manifest). A pending manifest is
// written once (receiveManifest) and never changed, so a decoded copy stays right until the
// snapshot leaves `pending`; callers check the status from the database first.
import { prisma } from "@/lib/db/client";
import { decodeManifest, type ManifestEntry } from "./manifest-codec";

export type PendingManifestIndex = {
  /** Objects listed. */
  size: number;
  /** Content hash → the keys of the objects with that body (identical objects share a body). */
  keysByHash: ReadonlyMap<string, readonly string[]>;
};

// By "orgId/snapshotId", least recently used first (Map order). Bounded by objects listed, not snapshots: a few agents
// pushing at once share it, and one very large cluster must not pin gigabytes (~200 B an object).
const cache = new Map<string, PendingManifestIndex>();
const MAX_CACHED_ENTRIES = 1_000_000;
let cachedEntries = 0;

function indexOf(entries: ManifestEntry[]): PendingManifestIndex {
  const keysByHash = new Map<string, string[]>();
  for (const [key, hash] of entries) {
    const keys = keysByHash.get(hash);
    if (keys) keys.push(key);
    else keysByHash.set(hash, [key]);
  }
  return { size: entries.length, keysByHash };
}

/** The manifest of a pending snapshot of `orgId` (null when it has none any more). */
export async function pendingManifestIndex(orgId: string, snapshotId: string): Promise<PendingManifestIndex | null> {
  const id = `${orgId}/${snapshotId}`;
  const hit = cache.get(id);
  if (hit) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const row = await prisma.pendingManifest.findFirst({ where: { orgId, snapshotId }, select: { manifest: true } });
  if (!row) return null;
  return remember(id, decodeManifest(row.manifest));
}

/** Keeps the manifest receiveManifest just stored, so the first chunk need not read it back. */
export function rememberPendingManifest(orgId: string, snapshotId: string, entries: ManifestEntry[]): void {
  remember(`${orgId}/${snapshotId}`, entries);
}

function remember(id: string, entries: ManifestEntry[]): PendingManifestIndex {
  drop(id);
  const index = indexOf(entries);
  if (entries.length > MAX_CACHED_ENTRIES) return index;
  cache.set(id, index);
  cachedEntries += index.size;
  for (const [id, old] of cache) {
    if (cachedEntries <= MAX_CACHED_ENTRIES) break;
    cache.delete(id);
    cachedEntries -= old.size;
  }
  return index;
}

/** Drops a snapshot's decoded manifest (it left `pending`). */
export function forgetPendingManifest(orgId: string, snapshotId: string): void {
  drop(`${orgId}/${snapshotId}`);
}

function drop(id: string): void {
  const index = cache.get(id);
  if (!index) return;
  cache.delete(id);
  cachedEntries -= index.size;
}
