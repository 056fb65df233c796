import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";
import { QUEUES, sendJob, sharedJobQueue, transactionDb, type EvaluateSnapshotJob } from "@/lib/server/pipeline/job-queue";
import { findAgentSnapshot } from "./find-agent-snapshot";
import { forgetPendingManifest, pendingManifestIndex } from "./pending-manifest-index";
import { missingObjectHashes } from "./missing-object-hashes";

export type CompleteSnapshotResult = { snapshotId: string; status: "queued" | "complete" };

/**
 * Step 3 of a push: once every body of the manifest is held, marks the snapshot queued and
 * enqueues its evaluation in the same transaction. Repeating it changes nothing.
 */
export async function completeSnapshot({ agent, snapshotId, now = new Date() }: { agent: AgentIdentity; snapshotId: string; now?: Date }): Promise<CompleteSnapshotResult> {
  const snapshot = await findAgentSnapshot({ agent, snapshotId });
  if (snapshot.status === "queued") return { snapshotId, status: "queued" };
  // Evaluated, or failed for reasons the agent cannot fix by pushing again.
  if (snapshot.status !== "pending" || !snapshot.pendingManifest) return { snapshotId, status: "complete" };

  const manifest = await pendingManifestIndex(snapshot.orgId, snapshotId);
  if (!manifest) return { snapshotId, status: "complete" };
  const missing = await missingObjectHashes(snapshot.orgId, [...manifest.keysByHash.keys()]);
  if (missing.length) {
    throw new AppError("conflict", `${missing.length} object bodies of this snapshot are not uploaded yet (e.g. ${missing[0]}); upload them, then complete.`);
  }
  const boss = await sharedJobQueue();
  const job: EvaluateSnapshotJob = { orgId: snapshot.orgId, clusterId: snapshot.clusterId, snapshotId };
  await prisma.$transaction(async (tx) => {
    const moved = await tx.snapshot.updateMany({ where: { orgId: snapshot.orgId, id: snapshotId, status: "pending" }, data: { status: "queued", completedAt: now } });
    // A concurrent retry of this request already queued it.
    if (moved.count === 1) await sendJob(boss, QUEUES.evaluateSnapshot, job, { db: transactionDb(tx) });
  });
  forgetPendingManifest(snapshot.orgId, snapshotId);
  return { snapshotId, status: "queued" };
}
