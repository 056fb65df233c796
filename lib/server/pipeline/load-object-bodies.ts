import { prisma } from "@/lib/db/client";
import type { K8sObject } from "@/lib/engine/types";
import type { ManifestEntry } from "@/lib/server/snapshots/manifest-codec";

const LOAD_BATCH = 5_000;

/** The bodies of a manifest's objects, from the organization's content-addressed store. */
export async function loadObjectBodies(orgId: string, entries: readonly ManifestEntry[]): Promise<K8sObject[]> {
  const hashes = [...new Set(entries.map(([, hash]) => hash))];
  const bodies = new Map<string, K8sObject>();
  for (let i = 0; i < hashes.length; i += LOAD_BATCH) {
    const rows = await prisma.$queryRaw<{ hash: string; body: K8sObject }[]>`
      SELECT "hash", "body" FROM "ObjectBlob" WHERE "orgId" = ${orgId} AND "hash" = ANY(${hashes.slice(i, i + LOAD_BATCH)}::text[])`;
    for (const row of rows) bodies.set(row.hash, row.body);
  }
  return entries.map(([key, hash]) => {
    const body = bodies.get(hash);
    if (!body) throw new Error(`the body of ${key} (${hash}) is missing from the object store`);
    return body;
  });
}
