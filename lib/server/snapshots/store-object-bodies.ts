import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { sha256Hex } from "@/lib/snapshot/canonical-json";
import { objectKeyOf, type TObjectChunk } from "@/lib/snapshot/protocol";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";
import { canonicalText } from "./canonical-text";
import { findAgentSnapshot } from "./find-agent-snapshot";
import { decodeManifest } from "./manifest-codec";
import { unredactedSecretProblem } from "./redaction-guard";

// Bodies per INSERT: ~9 MB of JSON for typical objects, one round trip each.
const INSERT_BATCH = 5_000;

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
  const keysByHash = new Map<string, string[]>();
  for (const [key, hash] of decodeManifest(snapshot.pendingManifest.manifest)) {
    const keys = keysByHash.get(hash);
    if (keys) keys.push(key);
    else keysByHash.set(hash, [key]);
  }

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
  for (let i = 0; i < hashes.length; i += INSERT_BATCH) {
    // The bodies travel as one JSON array text, zipped with the hashes and sizes by position: as a
    // text[] every quote of every body would be escaped by the driver (~10× the CPU of the rest).
    stored += await prisma.$executeRaw`
      INSERT INTO "ObjectBlob" ("orgId", "hash", "body", "size")
      SELECT ${snapshot.orgId}, t.h, t.b::jsonb, t.s
        FROM ROWS FROM (
          unnest(${hashes.slice(i, i + INSERT_BATCH)}::text[]),
          json_array_elements(${`[${bodies.slice(i, i + INSERT_BATCH).join(",")}]`}::json),
          unnest(${sizes.slice(i, i + INSERT_BATCH)}::int[])
        ) AS t(h, b, s)
      ON CONFLICT ("orgId", "hash") DO NOTHING`;
  }
  return { snapshotId, received: chunk.objects.length, stored };
}
