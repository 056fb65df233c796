import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { MAX_CHUNK_BYTES, type TManifestAccepted, type TSnapshotManifest } from "@/lib/snapshot/protocol";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";
import { assertUniqueKeys, decodeManifest, encodeManifest, manifestDigest, type ManifestEntry } from "./manifest-codec";
import { missingObjectHashes } from "./missing-object-hashes";
import { rememberPendingManifest } from "./pending-manifest-index";
import { resolveAgentCluster } from "./resolve-agent-cluster";

// A 500,000-object manifest is ~70 MB of JSON, of which the hashes do not compress.
export const MANIFEST_LIMITS = { maxBytes: 48 * 1024 * 1024, maxDecompressedBytes: 128 * 1024 * 1024 } as const;
// Agents' clocks drift; a snapshot from the far future would sort after every real one forever.
const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export type ReceiveManifestResult = TManifestAccepted & { clusterId: string; created: boolean };

/** Answer to a digest-only manifest whose object list the server cannot reconstruct. */
export type ManifestNeeded = { needManifest: true };

/**
 * Step 1 of a push: records a pending snapshot (once per idempotency key) and answers which
 * object bodies the organization does not hold yet. A retried POST returns the same snapshot and
 * the bodies still missing — the same list when nothing was uploaded in between.
 */
export async function receiveManifest(input: {
  agent: AgentIdentity;
  manifest: TSnapshotManifest & { objects: [string, string][] };
  now?: Date;
}): Promise<ReceiveManifestResult>;
export async function receiveManifest(input: { agent: AgentIdentity; manifest: TSnapshotManifest; now?: Date }): Promise<ReceiveManifestResult | ManifestNeeded>;
export async function receiveManifest({ agent, manifest, now = new Date() }: { agent: AgentIdentity; manifest: TSnapshotManifest; now?: Date }): Promise<ReceiveManifestResult | ManifestNeeded> {
  const collectedAt = new Date(manifest.collectedAt);
  if (collectedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw new AppError("validation_failed", `collectedAt ${manifest.collectedAt} is more than a day in the future; check the agent host's clock.`);
  }
  const orgId = agent.org.id;
  const cluster = await resolveAgentCluster({ agent, identity: manifest.cluster, now });
  let entries: ManifestEntry[];
  let digest: string;
  if (manifest.objects) {
    entries = manifest.objects as ManifestEntry[];
    try {
      assertUniqueKeys(entries);
    } catch (error) {
      throw new AppError("validation_failed", `objects: ${(error as Error).message}`);
    }
    digest = manifestDigest(entries);
    if (manifest.manifestDigest && manifest.manifestDigest !== digest) {
      throw new AppError("validation_failed", "manifestDigest does not match the objects sent");
    }
  } else {
    // Digest only: an unchanged cluster re-pushes without its object list. The list is rebuilt from
    // the cluster's current state and used only if it has exactly the digest the agent computed.
    if (await latestListDiffers(orgId, cluster.id, manifest.manifestDigest!)) return { needManifest: true };
    const held = await currentObjectList(orgId, cluster.id);
    if (!held) return { needManifest: true };
    digest = manifestDigest(held);
    if (digest !== manifest.manifestDigest) return { needManifest: true };
    entries = held;
  }

  const existing = await prisma.snapshot.findFirst({
    where: { orgId, clusterId: cluster.id, idempotencyKey: manifest.idempotencyKey },
    select: { id: true, status: true, manifestDigest: true, pendingManifest: { select: { manifest: true } } },
  });
  if (existing) return answerRetry(orgId, cluster, existing, digest);

  try {
    const snapshot = await prisma.$transaction(async (tx) => {
      const row = await tx.snapshot.create({
        data: {
          orgId,
          clusterId: cluster.id,
          status: "pending",
          idempotencyKey: manifest.idempotencyKey,
          collectedAt,
          agentVersion: manifest.cluster.agentVersion,
          objectCount: entries.length,
          collectionErrors: manifest.collectionErrors,
          manifestDigest: digest,
        },
        select: { id: true },
      });
      await tx.pendingManifest.create({
        data: { snapshotId: row.id, orgId, objectCount: entries.length, manifest: encodeManifest(entries) },
      });
      return row;
    });
    rememberPendingManifest(orgId, snapshot.id, entries);
    const missing = await missingObjectHashes(orgId, entries.map(([, hash]) => hash));
    return { snapshotId: snapshot.id, missing, maxChunkBytes: MAX_CHUNK_BYTES, clusterId: cluster.id, created: cluster.created };
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    // The same POST raced itself (a client retry while the first attempt was still running).
    const raced = await prisma.snapshot.findFirst({
      where: { orgId, clusterId: cluster.id, idempotencyKey: manifest.idempotencyKey },
      select: { id: true, status: true, manifestDigest: true, pendingManifest: { select: { manifest: true } } },
    });
    if (!raced) throw error;
    return answerRetry(orgId, cluster, raced, digest);
  }
}

/**
 * True when the cluster's latest evaluated snapshot lists other objects than `digest` describes: the
 * current state is that snapshot's list (moved in the same transaction), so it cannot match and a
 * changed cluster's state is not read. Snapshots without a list (imported reports) prove nothing.
 */
async function latestListDiffers(orgId: string, clusterId: string, digest: string): Promise<boolean> {
  const [latest] = await prisma.$queryRaw<{ manifestDigest: string | null }[]>`
    SELECT s."manifestDigest" FROM "Cluster" c JOIN "Snapshot" s ON s."orgId" = c."orgId" AND s."id" = c."latestSnapshotId"
     WHERE c."orgId" = ${orgId} AND c."id" = ${clusterId}`;
  return !!latest?.manifestDigest && latest.manifestDigest !== digest;
}

async function currentObjectList(orgId: string, clusterId: string): Promise<ManifestEntry[] | null> {
  // Raw rows: a model query maps each of a large cluster's rows at about twice the CPU.
  const rows = await prisma.$queryRaw<{ key: string; hash: string }[]>`
    SELECT "key", "hash" FROM "ClusterObject" WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId}`;
  return rows.length ? rows.map((r) => [r.key, r.hash] as ManifestEntry) : null;
}

async function answerRetry(
  orgId: string,
  cluster: { id: string; created: boolean },
  snapshot: { id: string; status: string; manifestDigest: string | null; pendingManifest: { manifest: Uint8Array } | null },
  digest: string,
): Promise<ReceiveManifestResult> {
  if (snapshot.manifestDigest && snapshot.manifestDigest !== digest) {
    throw new AppError("conflict", "This idempotency key was already used for a different manifest; use a new key per snapshot.");
  }
  const base = { snapshotId: snapshot.id, maxChunkBytes: MAX_CHUNK_BYTES, clusterId: cluster.id, created: cluster.created };
  if (snapshot.status !== "pending" || !snapshot.pendingManifest) return { ...base, missing: [] };
  const entries = decodeManifest(snapshot.pendingManifest.manifest);
  return { ...base, missing: await missingObjectHashes(orgId, entries.map(([, hash]) => hash)) };
}
