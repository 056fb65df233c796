import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { sha256Hex } from "@/lib/snapshot/canonical-json";
import { objectKeyOf, type TObjectChunk } from "@/lib/snapshot/protocol";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";
import { canonicalText } from "./canonical-text";
import { findAgentSnapshot } from "./find-agent-snapshot";
import { pendingManifestIndex } from "./pending-manifest-index";
import { unredactedSecretProblem } from "./redaction-guard";

// Bodies per INSERT at most (a few MB of JSON for typical objects).
const INSERT_BATCH = 2_500;
// INSERTs in flight at once: PostgreSQL parses and writes the bodies on that many cores while this
// process waits, which is most of an upload's time. Smaller uploads take one statement.
const PARALLEL_INSERTS = 2;
const MIN_PARALLEL_BATCH = 250;

export type StoreObjectBodiesResult = { snapshotId: string; received: number; stored: number };

/**
 * Step 2 of a push: stores uploaded bodies content-addressed per organization. Every body must
 * hash (canonical JSON → sha256) to its claimed hash, be listed in the snapshot's manifest under
 * its own object key, and carry no Secret values. The whole chunk is refused on the first bad
 * body; bodies already held are skipped, so a retried chunk changes nothing.
 */
export async function storeObjectBodies({ agent, snapshotId, chunk }: { agent: AgentIdentity; snapshotId: string; chunk: TObjectChunk }): Promise<StoreObjectBodiesResult> {
  const snapshot = await findAgentSnapshot({ agent, snapshotId });
  if (snapshot.status !== "pending" || !snapshot.pendingManifest) {
    // Completed already (a retried chunk after complete): every body it lists is held.
    return { snapshotId, received: chunk.objects.length, stored: 0 };
  }
  const manifest = await pendingManifestIndex(snapshot.orgId, snapshotId);
  if (!manifest) return { snapshotId, received: chunk.objects.length, stored: 0 };
  const { keysByHash } = manifest;

  const hashes: string[] = [];
  const bodies: string[] = [];
  const sizes: number[] = [];
  const seen = new Set<string>();
  chunk.objects.forEach(({ hash, body }, index) => {
    const text = canonicalText(body);
    const actual = sha256Hex(text);
    if (actual !== hash) {
      throw new AppError("validation_failed", `objects[${index}]: the body hashes to ${actual}, not to the claimed ${hash}.`);
    }
    const keys = keysByHash.get(hash);
    if (!keys) throw new AppError("validation_failed", `objects[${index}]: ${hash} is not in this snapshot's manifest.`);
    const key = objectKeyOf(body as Parameters<typeof objectKeyOf>[0]);
    if (!keys.includes(key)) {
      throw new AppError("validation_failed", `objects[${index}]: the body is ${key}, but the manifest lists ${hash} for ${keys[0]}.`);
    }
    const problem = unredactedSecretProblem(body);
    if (problem) throw new AppError("validation_failed", `objects[${index}] (${key}): refused ${problem}.`);
    if (seen.has(hash)) return;
    seen.add(hash);
    hashes.push(hash);
    bodies.push(text);
    sizes.push(Buffer.byteLength(text, "utf8"));
  });

  let stored = 0;
  const batches = evenBatches(hashes.length);
  for (let b = 0; b < batches.length; b += PARALLEL_INSERTS) {
    const counts = await Promise.all(
      batches.slice(b, b + PARALLEL_INSERTS).map(([from, to]) => insertBlobs(snapshot.orgId, hashes.slice(from, to), bodies.slice(from, to), sizes.slice(from, to))),
    );
    for (const count of counts) stored += count;
  }
  return { snapshotId, received: chunk.objects.length, stored };
}

/** [from, to) ranges of about equal size: at most INSERT_BATCH each, PARALLEL_INSERTS of them when there are enough bodies. */
function evenBatches(total: number): [number, number][] {
  let count = Math.ceil(total / INSERT_BATCH);
  if (total >= PARALLEL_INSERTS * MIN_PARALLEL_BATCH) count = Math.ceil(count / PARALLEL_INSERTS) * PARALLEL_INSERTS;
  const size = Math.ceil(total / Math.max(1, count));
  const ranges: [number, number][] = [];
  for (let from = 0; from < total; from += size) ranges.push([from, Math.min(total, from + size)]);
  return ranges;
}

/** Stores bodies not held yet; returns how many were new. */
async function insertBlobs(orgId: string, hashes: string[], bodies: string[], sizes: number[]): Promise<number> {
  // The bodies travel as one JSON array text, zipped with the hashes and sizes by position: as a
  // text[] the driver would escape every quote of every body (~0.8 s of CPU per 10,000 Pods).
  return prisma.$executeRaw`
    INSERT INTO "ObjectBlob" ("orgId", "hash", "body", "size")
    SELECT ${orgId}, t.h, t.b::jsonb, t.s
      FROM ROWS FROM (unnest(${hashes}::text[]), json_array_elements(${`[${bodies.join(",")}]`}::json), unnest(${sizes}::int[])) AS t(h, b, s)
    ON CONFLICT ("orgId", "hash") DO NOTHING`;
}
