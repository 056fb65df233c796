// Create, change and delete exceptions. Each change is audited and, in the same transaction,
// queues a re-score of the latest snapshot of every cluster the old or new selectors can touch.
import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { ExceptionMatch } from "@/lib/engine/exceptions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueClusterRescores } from "@/lib/server/pipeline/enqueue-rescores";
import { sharedJobQueue, transactionDb } from "@/lib/server/pipeline/job-queue";
import { affectedClusterIds } from "./affected-clusters";
import type { TExceptionInput, TExceptionPatch } from "./exception-input";
import { EXCEPTION_SELECT, exceptionView, type ExceptionView } from "./exception-view";

export type SavedException = { exception: ExceptionView | null; rescoresQueued: number };

async function audit(tx: Prisma.TransactionClient, orgId: string, actorId: string, action: string, targetId: string, data: Prisma.InputJsonObject) {
  // Exception actions are not in lib/server/audit's list yet; the row shape is the same.
  await tx.auditEvent.create({ data: { orgId, actorId, actorType: "user", action, targetType: "exception", targetId, data } });
}

async function rescoreInTransaction(tx: Prisma.TransactionClient, orgId: string, matches: (ExceptionMatch | undefined)[], reason: string): Promise<number> {
  const clusterIds = await affectedClusterIds(orgId, matches);
  if (!clusterIds.length) return 0;
  return enqueueClusterRescores(await sharedJobQueue(), { orgId, clusterIds, reason, db: transactionDb(tx) });
}

export async function createException({ orgId, actorId, input }: { orgId: string; actorId: string; input: TExceptionInput }): Promise<SavedException> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.controlException.create({
      data: {
        orgId,
        controlIds: input.controlIds,
        match: input.match as Prisma.InputJsonObject,
        reason: input.reason,
        owner: input.owner || null,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        createdById: actorId,
        updatedById: actorId,
      },
      select: EXCEPTION_SELECT,
    });
    await audit(tx, orgId, actorId, "exception.created", row.id, { controlIds: row.controlIds, reason: row.reason });
    const rescoresQueued = await rescoreInTransaction(tx, orgId, [input.match], "exception created");
    return { exception: exceptionView(row), rescoresQueued };
  });
}

export async function updateException({ orgId, actorId, patch }: { orgId: string; actorId: string; patch: TExceptionPatch }): Promise<SavedException> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.controlException.findFirst({ where: { orgId, id: patch.id }, select: EXCEPTION_SELECT });
    if (!before) throw new AppError("not_found", "Exception not found.");
    const row = await tx.controlException.update({
      where: { id: before.id },
      data: {
        ...(patch.controlIds ? { controlIds: patch.controlIds } : {}),
        ...(patch.match ? { match: patch.match as Prisma.InputJsonObject } : {}),
        ...(patch.reason ? { reason: patch.reason } : {}),
        ...(patch.owner !== undefined ? { owner: patch.owner || null } : {}),
        ...(patch.expiresAt !== undefined ? { expiresAt: patch.expiresAt ? new Date(patch.expiresAt) : null } : {}),
        updatedById: actorId,
      },
      select: EXCEPTION_SELECT,
    });
    const { id: _id, ...changes } = patch;
    await audit(tx, orgId, actorId, "exception.updated", row.id, { changed: Object.keys(changes) });
    const rescoresQueued = await rescoreInTransaction(tx, orgId, [before.match as ExceptionMatch, row.match as ExceptionMatch], "exception changed");
    return { exception: exceptionView(row), rescoresQueued };
  });
}

export async function deleteException({ orgId, actorId, id }: { orgId: string; actorId: string; id: string }): Promise<SavedException> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.controlException.findFirst({ where: { orgId, id }, select: EXCEPTION_SELECT });
    if (!before) throw new AppError("not_found", "Exception not found.");
    await tx.controlException.delete({ where: { id: before.id } });
    await audit(tx, orgId, actorId, "exception.deleted", before.id, { controlIds: before.controlIds, reason: before.reason });
    const rescoresQueued = await rescoreInTransaction(tx, orgId, [before.match as ExceptionMatch], "exception deleted");
    return { exception: null, rescoresQueued };
  });
}
