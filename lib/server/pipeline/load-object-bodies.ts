import { prisma } from "@/lib/db/client";
import type { K8sObject } from "@/lib/engine/types";
import type { ManifestEntry } from "@/lib/server/snapshots/manifest-codec";

const LOAD_BATCH = 2_500;
// Queries in flight at once: PostgreSQL reads and writes out one batch while this process parses
// the rows of another (JSON.parse of the bodies is most of the time here).
const PARALLEL_LOADS = 2;

/** The bodies of a manifest's objects, from the organization's content-addressed store. */
export async function loadObjectBodies(orgId: string, entries: readonly ManifestEntry[]): Promise<K8sObject[]> {
  const hashes = [...new Set(entries.map(([, hash]) => hash))];
  const bodies = new Map<string, K8sObject>();
  const load = async (batch: string[]) => {
    const rows = await prisma.$queryRaw<{ hash: string; body: K8sObject }[]>`
      SELECT "hash", "body" FROM "ObjectBlob" WHERE "orgId" = ${orgId} AND "hash" = ANY(${batch}::text[])`;
    for (const row of rows) bodies.set(row.hash, row.body);
  };
  const batches: string[][] = [];
  for (let i = 0; i < hashes.length; i += LOAD_BATCH) batches.push(hashes.slice(i, i + LOAD_BATCH));
  for (let b = 0; b < batches.length; b += PARALLEL_LOADS) await Promise.all(batches.slice(b, b + PARALLEL_LOADS).map(load));
  return entries.map(([key, hash]) => {
    const body = bodies.get(hash);
    if (!body) throw new Error(`the body of ${key} (${hash}) is missing from the object store`);
    return body;
  });
}
